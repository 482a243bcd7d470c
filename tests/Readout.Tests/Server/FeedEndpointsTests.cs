using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Npgsql;
using Readout.Server;
using Readout.Store;
using Readout.Tests.Store;
using Xunit;

namespace Readout.Tests.Server;

/// <summary>The followed feeds in the API and the web UI, on both backends.</summary>
public sealed class FeedEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two feeds: one polled with two items stored and one failed, one whose last poll failed twice in a row.</summary>
    private static void Fill(TestDb db)
    {
        using var store = db.Open();
        var feeds = (IFeedStore)store;
        var at = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        feeds.Subscribe("https://mfa.example/rss", TimeSpan.FromMinutes(15));
        feeds.MarkItem("https://mfa.example/rss", "a", "https://mfa.example/a", FeedItemStates.Stored, "h-a");
        feeds.MarkItem("https://mfa.example/rss", "b", "https://mfa.example/b", FeedItemStates.Stored, "h-b");
        feeds.MarkItem("https://mfa.example/rss", "c", "https://mfa.example/c", FeedItemStates.Failed, null, "RO1102 https://mfa.example/c: the server answered 404 Not found");
        feeds.RecordPoll(new FeedPoll("https://mfa.example/rss", at, true, "200: 3 items, 3 new", null, "Ministry <readouts>", false, "\"v1\"", null, at.AddMinutes(15)));
        feeds.Subscribe("https://kremlin.example/feed", TimeSpan.FromHours(1));
        for (var i = 0; i < 2; i++)
            feeds.RecordPoll(new FeedPoll("https://kremlin.example/feed", at, false, "failed", "RO1101 https://kremlin.example/feed: no complete answer within 30 s", null, true, null, null, at.AddHours(2)));
    }

    private static async Task<(HttpClient Http, Func<ValueTask> Stop)> Serve(TestDb db)
    {
        var app = ReadoutServer.Build(new ReadoutServerOptions { DatabasePath = db.Db }, b => b.WebHost.UseTestServer());
        await app.StartAsync(Ct);
        var http = app.GetTestClient();
        return (http, async () =>
        {
            http.Dispose();
            await app.StopAsync(Ct);
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
        });
    }

    [Theory]
    [MemberData(nameof(TestDb.Backends), MemberType = typeof(TestDb))]
    public async Task Issue16_the_API_lists_feeds_with_last_poll_items_seen_and_last_error(string backend)
    {
        using var db = TestDb.Create(backend);
        Fill(db);
        var (http, stop) = await Serve(db);
        try
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/feeds", Ct));
            Assert.Equal(2, doc.RootElement.GetProperty("total").GetInt32());
            var items = doc.RootElement.GetProperty("items").EnumerateArray().ToDictionary(f => f.GetProperty("url").GetString()!);
            var mfa = items["https://mfa.example/rss"];
            Assert.Equal("2026-01-05T10:00:00.000Z", mfa.GetProperty("last_poll").GetString());
            Assert.Equal(3, mfa.GetProperty("items_seen").GetInt32());
            Assert.Equal(2, mfa.GetProperty("items_stored").GetInt32());
            Assert.Equal(1, mfa.GetProperty("items_failed").GetInt32());
            Assert.Equal(JsonValueKind.Null, mfa.GetProperty("last_error").ValueKind);
            Assert.Equal(900, mfa.GetProperty("interval_seconds").GetInt32());
            var kremlin = items["https://kremlin.example/feed"];
            Assert.StartsWith("RO1101", kremlin.GetProperty("last_error").GetString());
            Assert.Equal(2, kremlin.GetProperty("consecutive_failures").GetInt32());
            Assert.Equal(0, kremlin.GetProperty("items_seen").GetInt32());

            using var openapi = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", Ct));
            foreach (var path in new[] { "/api/feeds", "/api/sources/{contentHash}/fetch" })
                Assert.True(openapi.RootElement.GetProperty("paths").TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
        finally { await stop(); }
    }

    [Fact]
    public async Task Issue16_the_feeds_page_shows_each_feed_escaped_with_its_error()
    {
        using var db = TestDb.Create(TestDb.Sqlite);
        Fill(db);
        var (http, stop) = await Serve(db);
        try
        {
            var html = await http.GetStringAsync("/feeds", Ct);
            Assert.Contains("2 feeds followed", html);
            Assert.Contains("Ministry &lt;readouts&gt;", html);   // a feed's title is text, never markup
            Assert.Contains("every 15 min", html);
            Assert.Contains("2026-01-05 10:00:00 UTC", html);
            Assert.Contains("RO1101 https://kremlin.example/feed: no complete answer within 30 s", html);
            Assert.Contains("(2 failed in a row)", html);
            Assert.Contains("""<a href="/feeds">Feeds</a>""", html);
            var empty = await http.GetStringAsync("/", Ct);
            Assert.Contains("""<a href="/feeds">Feeds</a>""", empty);
        }
        finally { await stop(); }
    }

    [Fact]
    public async Task Issue16_the_API_gives_the_fetch_behind_a_report_byte_for_byte()
    {
        using var db = TestDb.Create(TestDb.Sqlite);
        await using var web = await Readout.Tests.Ingest.FixtureWeb.StartAsync();
        web.Map("/ru", Readout.Tests.Ingest.FixtureWeb.FixtureBytes("ru-windows-1251.html"), "text/html");
        using (var store = db.Open())
        using (var fetcher = new Readout.Ingest.Fetch.PageFetcher(new() { PerHostPerSecond = 0 }))
        {
            var raw = await new Readout.Ingest.Fetch.WebReader(fetcher).ReadAsync(web.Url("/ru"), Ct);
            store.SaveDocument(TestPipeline.Instance.Process(raw, Ct), Ct);
        }
        var hash = (string)db.Scalar("SELECT content_hash FROM documents")!;
        var (http, stop) = await Serve(db);
        try
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/sources/{hash}/fetch", Ct));
            var f = doc.RootElement;
            Assert.Equal(web.Url("/ru"), f.GetProperty("url").GetString());
            Assert.Equal(200, f.GetProperty("status").GetInt32());
            Assert.Equal("windows-1251 (<meta> tag)", f.GetProperty("charset").GetString());
            Assert.Equal(Readout.Tests.Ingest.FixtureWeb.FixtureBytes("ru-windows-1251.html"), f.GetProperty("body").GetBytesFromBase64());
            Assert.Contains("«Телефонный разговор с Председателем КНР Си Цзиньпином»", (string)db.Scalar("SELECT clean_text FROM documents")!);   // decoded into the report
            using var missing = await http.GetAsync("/api/sources/nosuchhash/fetch", Ct);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        }
        finally { await stop(); }
    }

    [Fact]
    public async Task The_feeds_page_of_a_store_without_feeds_says_how_to_follow_one()
    {
        using var db = TestDb.Create(TestDb.Sqlite);
        using (db.Open()) { }
        var (http, stop) = await Serve(db);
        try { Assert.Contains("readout watch URL...", await http.GetStringAsync("/feeds", Ct)); }
        finally { await stop(); }
    }
}
