using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Readout.Documents;

namespace Readout.Ingest.Fetch;

/// <summary>One HTTP response as Readout keeps it: what was asked, what answered, and the body as sent.</summary>
public sealed record FetchResponse(
    string Url,
    Uri FinalUrl,
    DateTimeOffset FetchedAt,
    int Status,
    string? MediaType,
    string? Charset,
    string? ETag,
    string? LastModified,
    string Headers,
    byte[] Body,
    TimeSpan? RetryAfter)
{
    public bool NotModified => Status == (int)HttpStatusCode.NotModified;
}

/// <summary>The validators of an earlier response, sent back so an unchanged resource answers 304 with no body.</summary>
public sealed record Validators(string? ETag, string? LastModified);

/// <summary>
/// Fetches web resources politely and boundedly: gzip, deflate and brotli; redirects followed by hand
/// (each hop passes the per-host rate limit and is checked); a time limit per attempt covering the
/// whole body; a size limit enforced while reading; retries with exponential back-off (and the server's
/// Retry-After) after timeouts, lost connections, 5xx and 429. Every failure is a numbered error naming
/// the address asked for.
/// </summary>
public sealed class PageFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly HostRateLimiter _limiter;
    private readonly FetchOptions _options;
    private readonly ResiliencePipeline<FetchResponse> _pipeline;

    public FetchOptions Options => _options;

    public PageFetcher(FetchOptions? options = null)
    {
        _options = options ?? new FetchOptions();
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            ConnectTimeout = _options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 4,
        };
        _limiter = new HostRateLimiter(_options.PerHostPerSecond);
        _client = new HttpClient(sockets) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5");
        var pipeline = new ResiliencePipelineBuilder<FetchResponse>();
        if (_options.Retries > 0)
            pipeline.AddRetry(new RetryStrategyOptions<FetchResponse>
            {
                MaxRetryAttempts = _options.Retries,
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<FetchResponse>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<IOException>()
                    .HandleResult(r => r.Status >= 500 || r.Status == (int)HttpStatusCode.TooManyRequests),
                DelayGenerator = a => ValueTask.FromResult(a.Outcome.Result?.RetryAfter is { } after
                    ? (TimeSpan?)(after < _options.MaxRetryAfter ? after : _options.MaxRetryAfter)
                    : null),
            });
        _pipeline = pipeline.Build();
    }

    /// <summary>Fetches <paramref name="url"/>; a 304 answer (when <paramref name="validators"/> are given) comes back with an empty body.</summary>
    /// <exception cref="ReadoutException">RO1101 timeout, RO1102 4xx, RO1103 5xx or 429, RO1104 no connection,
    /// RO1105 bad redirects, RO1005 over the size limit, RO1008 not an http(s) address.</exception>
    public async Task<FetchResponse> FetchAsync(string url, Validators? validators = null, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ReadoutException(ErrorCodes.Unsupported, url, "is not an http or https address");
        var attempts = 0;
        FetchResponse response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                return await AttemptAsync(url, uri, validators, token);
            }, ct);
        }
        catch (TimeoutRejectedException e)
        {
            throw new ReadoutException(ErrorCodes.FetchTimeout, url,
                $"no complete answer within {Seconds(_options.Timeout)} s ({Tries(attempts)}); the server is slow or unreachable, try later or raise --timeout", e);
        }
        catch (HttpRequestException e)
        {
            throw new ReadoutException(ErrorCodes.Unreachable, url, $"cannot connect ({e.Message}; {Tries(attempts)}); check the address and the network", e);
        }
        catch (IOException e)
        {
            throw new ReadoutException(ErrorCodes.Unreachable, url, $"the connection was lost while reading ({e.Message}; {Tries(attempts)})", e);
        }
        var status = response.Status;
        if (status >= 500 || status == (int)HttpStatusCode.TooManyRequests)
            throw new ReadoutException(ErrorCodes.HttpServerError, url, $"the server answered {StatusText(status)} ({Tries(attempts)}); try later");
        if (status >= 400)
            throw new ReadoutException(ErrorCodes.HttpClientError, url, $"the server answered {StatusText(status)}{(response.FinalUrl.AbsoluteUri != url ? " at " + response.FinalUrl.AbsoluteUri : "")}; check the address");
        if (status is >= 300 and not 304)
            throw new ReadoutException(ErrorCodes.BadRedirect, url, $"the server answered {StatusText(status)} without a usable Location");
        return response;
    }

    private async Task<FetchResponse> AttemptAsync(string url, Uri uri, Validators? validators, CancellationToken ct)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { uri.AbsoluteUri };
        var current = uri;
        for (var hop = 0; ; hop++)
        {
            await _limiter.WaitTurnAsync(current, ct);
            // the time limit covers one hop, from sending the request to the body's last byte, not the wait for a turn
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(_options.Timeout);
            Hop answer;
            try
            {
                answer = await HopAsync(url, current, validators, limit.Token);
            }
            catch (OperationCanceledException e) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new TimeoutRejectedException("the time limit passed", e);
            }
            if (answer.Response is { } done) return done;
            var next = NextHop(url, current, answer.RedirectTo, hop);
            if (!visited.Add(next.AbsoluteUri))
                throw new ReadoutException(ErrorCodes.BadRedirect, url, $"redirects in a loop (back to {next.AbsoluteUri})");
            current = next;
        }
    }

    /// <summary>What one request met: a response, or a redirect (with its Location, which may be missing).</summary>
    private readonly record struct Hop(FetchResponse? Response, Uri? RedirectTo);

    private async Task<Hop> HopAsync(string url, Uri current, Validators? validators, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, current);
        if (validators?.ETag is { Length: > 0 } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (validators?.LastModified is { Length: > 0 } lm) request.Headers.TryAddWithoutValidation("If-Modified-Since", lm);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var status = (int)response.StatusCode;
        if (status is 301 or 302 or 303 or 307 or 308) return new Hop(null, response.Headers.Location);
        var fetchedAt = DateTimeOffset.UtcNow;
        // an error's or a 304's body is not kept: only the status matters
        var body = status is >= 200 and < 300 ? await ReadBodyAsync(url, response, ct) : [];
        var content = response.Content.Headers;
        return new Hop(new FetchResponse(url, current, fetchedAt, status,
            content.ContentType?.MediaType?.ToLowerInvariant(), content.ContentType?.CharSet?.Trim('"', '\'', ' '),
            response.Headers.ETag?.ToString(), content.LastModified?.ToString("R", CultureInfo.InvariantCulture),
            HeaderLines(response), body, RetryAfter(response.Headers.RetryAfter, fetchedAt)), null);
    }

    private Uri NextHop(string url, Uri current, Uri? location, int hop)
    {
        if (location is null)
            throw new ReadoutException(ErrorCodes.BadRedirect, url, $"{current.AbsoluteUri} redirects without a Location header");
        if (hop + 1 > _options.MaxRedirects)
            throw new ReadoutException(ErrorCodes.BadRedirect, url, $"more than {_options.MaxRedirects} redirects (the last to {location})");
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
            throw new ReadoutException(ErrorCodes.BadRedirect, url, $"redirects to {next.Scheme}:, which Readout does not follow");
        return next;
    }

    /// <summary>Reads the body up to the size limit: a declared length over it is refused before reading, an undeclared one as soon as it passes it.</summary>
    private async Task<byte[]> ReadBodyAsync(string url, HttpResponseMessage response, CancellationToken ct)
    {
        var limit = _options.MaxBytes;
        if (response.Content.Headers.ContentLength is { } declared && declared > limit)
            throw TooLarge(url, $"declares {declared / (1024.0 * 1024):F1} MB");
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > limit) throw TooLarge(url, "is larger");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private ReadoutException TooLarge(string url, string what) =>
        new(ErrorCodes.TooLarge, url, $"the page {what} than the {_options.MaxBytes / (1024 * 1024)} MB limit; it was not read (raise it with --max-size)");

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? h, DateTimeOffset now) => h switch
    {
        { Delta: { } d } => d,
        { Date: { } at } => at > now ? at - now : TimeSpan.Zero,
        _ => null,
    };

    private static string HeaderLines(HttpResponseMessage response)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"HTTP/{response.Version} {(int)response.StatusCode} {response.ReasonPhrase}\n");
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            sb.Append(name).Append(": ").Append(string.Join(", ", values)).Append('\n');
        return sb.ToString();
    }

    private static string StatusText(int status) =>
        $"{status} {(Enum.IsDefined(typeof(HttpStatusCode), status) ? SplitWords(((HttpStatusCode)status).ToString()) : "")}".TrimEnd();

    private static string SplitWords(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private static string Tries(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _client.Dispose();
    }
}
