using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Readout.Documents;
using Readout.Ingest.Fetch;
using Xunit;

namespace Readout.Tests.Ingest.Fetch;

/// <summary>Fetching pages from a local server: evidence, redirects, error statuses, time and size limits, compression, politeness.</summary>
public sealed class PageFetcherTests : IAsyncLifetime
{
    private FixtureWeb _web = null!;

    /// <summary>Short waits so the tests stay fast; the behaviour is the default's.</summary>
    private static readonly FetchOptions Fast = new() { RetryDelay = TimeSpan.FromMilliseconds(20), PerHostPerSecond = 0, Timeout = TimeSpan.FromSeconds(10) };

    public async ValueTask InitializeAsync() => _web = await FixtureWeb.StartAsync();

    public async ValueTask DisposeAsync() => await _web.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ReadoutException> Fails(string path, FetchOptions? options = null)
    {
        using var fetcher = new PageFetcher(options ?? Fast);
        return await Assert.ThrowsAsync<ReadoutException>(() => new WebReader(fetcher).ReadAsync(_web.Url(path), Ct));
    }

    [Fact]
    public async Task Issue16_a_page_comes_with_its_url_fetch_time_and_raw_response()
    {
        using var fetcher = new PageFetcher(Fast);
        var before = DateTimeOffset.UtcNow;
        var doc = await new WebReader(fetcher).ReadAsync(_web.Url("/pages/call-1.html"), Ct);
        Assert.Equal("html", doc.Format);
        Assert.Equal(_web.Url("/pages/call-1.html"), doc.Uri);
        Assert.Contains("Narendra Modi", doc.Content);
        var f = Assert.IsType<FetchEvidence>(doc.Fetch);
        Assert.Equal(doc.Uri, f.Url);
        Assert.Equal(200, f.Status);
        Assert.InRange(f.FetchedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(FixtureWeb.FixtureBytes("pages/call-1.html"), f.Body);
        Assert.Contains("ETag:", f.Headers);
        Assert.StartsWith("utf-8", f.Charset);
        var ua = Assert.Single(_web.Requests).UserAgent;
        Assert.StartsWith("Readout/", ua);
    }

    [Fact]
    public async Task Issue16_redirects_are_followed_and_the_final_address_kept()
    {
        _web.Redirect("/old", "/mid", 301);
        _web.Redirect("/mid", _web.Url("/pages/call-2.html"), 302);
        using var fetcher = new PageFetcher(Fast);
        var doc = await new WebReader(fetcher).ReadAsync(_web.Url("/old"), Ct);
        Assert.Equal(_web.Url("/old"), doc.Uri);
        Assert.Equal(_web.Url("/pages/call-2.html"), doc.Fetch!.FinalUrl);
        Assert.Contains("Emmanuel Macron", doc.Content);
    }

    [Fact]
    public async Task Issue16_redirect_loops_chains_and_other_schemes_are_numbered_errors()
    {
        _web.Redirect("/a", "/b");
        _web.Redirect("/b", "/a");
        var loop = await Fails("/a");
        Assert.Equal(ErrorCodes.BadRedirect, loop.Code);
        Assert.Contains(_web.Url("/a"), loop.Message);
        Assert.Contains("loop", loop.Message);

        for (var i = 0; i < 8; i++) _web.Redirect($"/hop{i}", $"/hop{i + 1}");
        Assert.Contains("more than 5 redirects", (await Fails("/hop0")).Message);

        _web.Redirect("/ftp", "ftp://example.org/file");
        Assert.Equal(ErrorCodes.BadRedirect, (await Fails("/ftp")).Code);
    }

    [Fact]
    public async Task Issue16_a_404_is_a_client_error_naming_the_url_and_is_not_retried()
    {
        var e = await Fails("/missing.html");
        Assert.Equal(ErrorCodes.HttpClientError, e.Code);
        Assert.Equal($"{ErrorCodes.HttpClientError} {_web.Url("/missing.html")}: the server answered 404 Not found; check the address", e.Message);
        Assert.Equal(1, _web.Hits("/missing.html"));
    }

    [Fact]
    public async Task Issue16_a_500_is_retried_with_back_off_then_reported()
    {
        _web.Status("/broken", 500);
        var e = await Fails("/broken");
        Assert.Equal(ErrorCodes.HttpServerError, e.Code);
        Assert.Contains("500 Internal server error (3 attempts)", e.Message);
        Assert.Equal(3, _web.Hits("/broken"));

        var calls = 0;
        _web.Map("/flaky", c => Interlocked.Increment(ref calls) == 1
            ? Task.FromResult(c.Response.StatusCode = 503)
            : FixtureWeb.Send(c, FixtureWeb.FixtureBytes("pages/call-3.html"), "text/html"));
        using var fetcher = new PageFetcher(Fast);
        var doc = await new WebReader(fetcher).ReadAsync(_web.Url("/flaky"), Ct);
        Assert.Contains("Olaf Scholz", doc.Content);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Issue16_a_slow_server_times_out_with_a_numbered_error()
    {
        _web.Map("/slow", async c =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), c.RequestAborted);
            await c.Response.WriteAsync("too late");
        });
        // a body that trickles in: the limit covers the whole answer, not just its headers
        _web.Map("/trickle", async c =>
        {
            c.Response.ContentType = "text/html";
            for (var i = 0; i < 40 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.WriteAsync("<p>a slow line of text</p>\n", c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                await Task.Delay(250, c.RequestAborted);
            }
        });
        var quick = Fast with { Timeout = TimeSpan.FromMilliseconds(600), Retries = 1 };
        var clock = Stopwatch.StartNew();
        var e = await Fails("/slow", quick);
        Assert.Equal(ErrorCodes.FetchTimeout, e.Code);
        Assert.Contains("no complete answer within 0.6 s (2 attempts)", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.Equal(ErrorCodes.FetchTimeout, (await Fails("/trickle", quick)).Code);
    }

    [Fact]
    public async Task Issue16_a_30_MB_page_is_refused_over_the_limit_and_read_under_a_higher_one()
    {
        var paragraph = Encoding.UTF8.GetBytes("<p>Officials met again to discuss the terms of the agreement in detail.</p>\n");
        var page = new byte[30 * 1024 * 1024];
        for (var i = 0; i < page.Length; i++) page[i] = paragraph[i % paragraph.Length];
        _web.Map("/huge", page, "text/html");
        _web.Map("/huge-chunked", async c =>
        {
            c.Response.ContentType = "text/html";   // no Content-Length: refused while reading
            for (var off = 0; off < page.Length && !c.RequestAborted.IsCancellationRequested; off += 1 << 20)
                await c.Response.Body.WriteAsync(page.AsMemory(off, 1 << 20), c.RequestAborted);
        });
        var declared = await Fails("/huge");
        Assert.Equal(ErrorCodes.TooLarge, declared.Code);
        Assert.Contains("declares 30.0 MB", declared.Message);
        Assert.Contains("20 MB limit", declared.Message);
        Assert.Equal(ErrorCodes.TooLarge, (await Fails("/huge-chunked")).Code);

        using var fetcher = new PageFetcher(Fast with { MaxBytes = 40L * 1024 * 1024 });
        var response = await fetcher.FetchAsync(_web.Url("/huge-chunked"), null, Ct);
        Assert.Equal(page.Length, response.Body.Length);
    }

    [Fact]
    public async Task Issue16_what_is_not_a_page_or_text_is_refused()
    {
        _web.Map("/picture.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13], "image/png");
        _web.Map("/blob", [1, 2, 0, 4, 5], "application/octet-stream");
        var png = await Fails("/picture.png");
        Assert.Equal(ErrorCodes.NotText, png.Code);
        Assert.Contains("is image/png, not a page or text", png.Message);
        Assert.Equal(ErrorCodes.NotText, (await Fails("/blob")).Code);
        Assert.Contains("readout watch", (await Fails("/rss.xml")).Message);
    }

    [Fact]
    public async Task Issue16_gzip_and_brotli_answers_are_decompressed()
    {
        var original = FixtureWeb.FixtureBytes("pages/call-4.html");
        foreach (var (path, encoding) in new[] { ("/gzip", "gzip"), ("/brotli", "br") })
            _web.Map(path, async c =>
            {
                Assert.Contains(encoding, c.Request.Headers.AcceptEncoding.ToString());
                using var packed = new MemoryStream();
                await using (Stream z = encoding == "gzip" ? new GZipStream(packed, CompressionLevel.Fastest, true) : new BrotliStream(packed, CompressionLevel.Fastest, true))
                    await z.WriteAsync(original);
                c.Response.Headers.ContentEncoding = encoding;
                c.Response.ContentType = "text/html; charset=utf-8";
                await c.Response.Body.WriteAsync(packed.ToArray());
            });
        using var fetcher = new PageFetcher(Fast);
        foreach (var path in new[] { "/gzip", "/brotli" })
        {
            var doc = await new WebReader(fetcher).ReadAsync(_web.Url(path), Ct);
            Assert.Equal(original, doc.Fetch!.Body);
            Assert.Contains("Fumio Kishida", doc.Content);
        }
    }

    [Fact]
    public async Task Issue16_requests_to_one_host_are_spaced_by_the_rate_limit()
    {
        using var fetcher = new PageFetcher(Fast with { PerHostPerSecond = 5 });
        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => fetcher.FetchAsync(_web.Url($"/pages/call-{i % 5 + 1}.html"), null, Ct)));
        var times = _web.Requests.Select(r => r.At).Order().ToList();
        Assert.Equal(6, times.Count);
        // five a second: the sixth request goes a second after the first (unlimited, six local requests take a few ms)
        Assert.True(times[^1] - times[0] >= TimeSpan.FromMilliseconds(900), $"six requests in {(times[^1] - times[0]).TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task The_rate_limiter_spaces_one_hosts_turns_exactly_and_leaves_other_hosts_alone()
    {
        var limiter = new HostRateLimiter(20);   // 50 ms apart
        var a = new Uri("http://a.example/x");
        var slots = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => slots.Add(limiter.ReserveTurn(a)), Ct)));
        var sorted = slots.Order().ToList();
        Assert.All(sorted.Zip(sorted.Skip(1), (x, y) => Stopwatch.GetElapsedTime(x, y)),
            gap => Assert.True(gap >= TimeSpan.FromMilliseconds(50) - TimeSpan.FromTicks(1), $"two turns {gap.TotalMilliseconds:F3} ms apart"));
        var clock = Stopwatch.StartNew();
        await limiter.WaitTurnAsync(a, Ct);   // the ninth turn: after the eight reserved
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(340), $"the ninth turn came after {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(limiter.ReserveTurn(new Uri("http://b.example/y")) <= Stopwatch.GetTimestamp(), "another host waits for a.example's turns");
    }

    [Fact]
    public async Task Issue16_an_address_that_cannot_be_reached_is_a_numbered_error()
    {
        using var fetcher = new PageFetcher(Fast with { Retries = 0 });
        var e = await Assert.ThrowsAsync<ReadoutException>(() => fetcher.FetchAsync("http://127.0.0.1:1/page.html", null, Ct));
        Assert.Equal(ErrorCodes.Unreachable, e.Code);
        Assert.StartsWith($"{ErrorCodes.Unreachable} http://127.0.0.1:1/page.html: cannot connect", e.Message);
    }
}
