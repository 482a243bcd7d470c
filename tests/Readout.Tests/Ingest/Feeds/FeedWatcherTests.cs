using System.Globalization;
using Microsoft.AspNetCore.Http;
using Readout.Documents;
using Readout.Ingest.Feeds;
using Readout.Ingest.Fetch;
using Readout.Store;
using Readout.Tests.Store;
using Xunit;

namespace Readout.Tests.Ingest.Feeds;

/// <summary>A watcher over one store, as <c>readout watch</c> builds it; disposing it is a process ending.</summary>
internal sealed class Watch : IDisposable
{
    public IReadoutStore Store { get; }
    public IFeedStore Feeds => (IFeedStore)Store;
    public StringWriter Progress { get; } = new();
    public StringWriter Errors { get; } = new();
    public FeedWatcher Watcher { get; }
    private readonly StoreGate _gate;
    private readonly PageFetcher _fetcher;

    public Watch(TestDb db, WatchOptions? options = null, IReportSink? sink = null)
    {
        Store = db.Open();
        _gate = new StoreGate(Store);
        _fetcher = new PageFetcher(new FetchOptions { PerHostPerSecond = 0, RetryDelay = TimeSpan.FromMilliseconds(10), Retries = 1 });
        Watcher = new FeedWatcher(_fetcher, _gate, sink ?? new StoreSink(_gate, TestPipeline.Ingest(Timeout.InfiniteTimeSpan)),
            TextWriter.Synchronized(Progress), TextWriter.Synchronized(Errors), options ?? new WatchOptions(Once: true));
    }

    public StoreGate Gate => _gate;

    public Task Poll(string feedUrl, CancellationToken ct = default) =>
        Watcher.PollAsync(new FeedSubscription(feedUrl, TimeSpan.FromMinutes(15)), ct == default ? TestContext.Current.CancellationToken : ct);

    public Task Once(params string[] feedUrls) =>
        Watcher.RunAsync(feedUrls.Select(u => new FeedSubscription(u, TimeSpan.FromMinutes(15))).ToList(), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _fetcher.Dispose();
        _gate.Dispose();
        Store.Dispose();
    }
}

/// <summary>Following feeds on a local server, on both store backends: new and repeated items, changes, failures, restarts.</summary>
public sealed class FeedWatcherTests : IAsyncLifetime
{
    private FixtureWeb _web = null!;

    public async ValueTask InitializeAsync() => _web = await FixtureWeb.StartAsync();

    public async ValueTask DisposeAsync() => await _web.DisposeAsync();

    private static long Count(TestDb db, string sql) => Convert.ToInt64(db.Scalar(sql), CultureInfo.InvariantCulture);

    /// <summary>Serves rss.xml until the first item's page is read, and rss-updated.xml (two new items, the oldest gone) from then on.</summary>
    private void FeedThatChangesWhileRead(string feedPath)
    {
        var updated = 0;
        _web.Map(feedPath, c => FixtureWeb.Send(c, _web.Fill(FixtureWeb.FixtureBytes(Volatile.Read(ref updated) == 1 ? "rss-updated.xml" : "rss.xml")), "application/rss+xml"));
        _web.Map("/pages/call-1.html", c =>
        {
            Volatile.Write(ref updated, 1);
            return FixtureWeb.Send(c, FixtureWeb.FixtureBytes("pages/call-1.html"), "text/html; charset=utf-8");
        });
    }

    [Theory]
    [MemberData(nameof(TestDb.Backends), MemberType = typeof(TestDb))]
    public async Task Issue16_new_items_are_ingested_once_and_the_next_poll_asks_conditionally(string backend)
    {
        using var db = TestDb.Create(backend);
        using (var w = new Watch(db))
        {
            await w.Once(_web.Url("/rss.xml"));
            Assert.Equal("", w.Errors.ToString());
            Assert.Equal(3, w.Watcher.Tally.Stored);
            Assert.Contains("200: 3 items, 3 new (3 stored, 0 already known, 0 failed", w.Progress.ToString());
            var feed = w.Feeds.GetFeed(_web.Url("/rss.xml"))!;
            Assert.Equal("Fixture ministry: readouts", feed.Title);
            Assert.Equal(3, feed.ItemsStored);
            Assert.NotNull(feed.ETag);
            await w.Poll(_web.Url("/rss.xml"));
            Assert.Contains("not modified", w.Progress.ToString());
        }
        Assert.Equal(2, _web.Hits("/rss.xml"));
        Assert.NotNull(_web.Requests.Where(r => r.Path == "/rss.xml").Last().IfNoneMatch);
        foreach (var page in new[] { "call-1", "call-2", "call-3" }) Assert.Equal(1, _web.Hits($"/pages/{page}.html"));
        Assert.Equal(3, db.Rows("documents"));
        Assert.Equal(3, Count(db, "SELECT count(*) FROM feed_items WHERE state = 'stored' AND content_hash IS NOT NULL"));
        // the evidence: each report's fetch, tied to the report
        Assert.Equal(3, Count(db, "SELECT count(*) FROM document_fetches f JOIN documents d ON d.id = f.document_id WHERE f.url = d.uri AND f.status = 200"));
        using var store = db.Open();
        var hash = (string)db.Scalar($"SELECT content_hash FROM documents WHERE uri = '{_web.Url("/pages/call-2.html")}'")!;
        var evidence = ((AdoStore)store).GetFetch(hash)!;
        Assert.Equal(FixtureWeb.FixtureBytes("pages/call-2.html"), evidence.Body);
    }

    [Theory]
    [MemberData(nameof(TestDb.Backends), MemberType = typeof(TestDb))]
    public async Task Issue16_a_feed_that_changes_while_being_read_loses_and_repeats_nothing(string backend)
    {
        using var db = TestDb.Create(backend);
        FeedThatChangesWhileRead("/changing.xml");
        using (var w = new Watch(db))
        {
            await w.Poll(_web.Url("/changing.xml"));   // reads the first version: calls 1-3
            await w.Poll(_web.Url("/changing.xml"));   // the new version: calls 4 and 5 are new, 2 and 3 known
            Assert.Equal(5, w.Watcher.Tally.Stored);
            Assert.Equal(0, w.Watcher.Tally.Failed);
            Assert.Contains("200: 4 items, 2 new", w.Progress.ToString());
        }
        for (var i = 1; i <= 5; i++) Assert.Equal(1, _web.Hits($"/pages/call-{i}.html"));
        Assert.Equal(5, db.Rows("documents"));
        Assert.Equal(5, Count(db, "SELECT count(*) FROM feed_items WHERE state = 'stored'"));
    }

    [Theory]
    [MemberData(nameof(TestDb.Backends), MemberType = typeof(TestDb))]
    public async Task Issue16_a_restart_mid_poll_neither_misses_nor_repeats_items(string backend)
    {
        using var db = TestDb.Create(backend);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // the second item's page is where the watch is stopped, while that page is being read
        _web.Map("/pages/call-2.html", async c =>
        {
            await stop.CancelAsync();
            await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
            await FixtureWeb.Send(c, FixtureWeb.FixtureBytes("pages/call-2.html"), "text/html");
        });
        using (var w = new Watch(db))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w.Poll(_web.Url("/rss.xml"), stop.Token));
        Assert.Equal(1, db.Rows("documents"));
        Assert.IsType<DBNull>(db.Scalar($"SELECT etag FROM feeds WHERE url = '{_web.Url("/rss.xml")}'"));   // the cut poll saved no validators

        _web.Map("/pages/call-2.html", c => FixtureWeb.Send(c, FixtureWeb.FixtureBytes("pages/call-2.html"), "text/html"));
        using (var restarted = new Watch(db))
        {
            await restarted.Once(_web.Url("/rss.xml"));
            Assert.Equal(2, restarted.Watcher.Tally.Stored);
        }
        Assert.Equal(3, db.Rows("documents"));
        Assert.Equal(1, _web.Hits("/pages/call-1.html"));   // stored before the stop: not fetched again
        Assert.Equal(1, _web.Hits("/pages/call-3.html"));
        Assert.Equal(3, Count(db, "SELECT count(DISTINCT uri) FROM documents"));
        Assert.Equal(3, Count(db, "SELECT count(*) FROM feed_items WHERE state = 'stored'"));
    }

    [Fact]
    public async Task Issue16_an_Atom_feed_is_followed_and_an_item_without_a_link_is_read_from_the_feed()
    {
        using var db = TestDb.Create(TestDb.Sqlite);
        using (var w = new Watch(db))
        {
            await w.Once(_web.Url("/atom.xml"));
            Assert.Equal("", w.Errors.ToString());
            Assert.Equal(3, w.Watcher.Tally.Stored);
        }
        Assert.Equal(1, Count(db, $"SELECT count(*) FROM documents WHERE uri = '{_web.Url("/atom.xml")}#urn:fixture:inline'"));
        Assert.Equal(1, Count(db, "SELECT count(*) FROM feed_items WHERE item_key = 'urn:fixture:call-4' AND state = 'stored'"));
        Assert.True(Count(db, "SELECT count(*) FROM interactions") >= 2);
    }

    [Fact]
    public async Task Issue16_a_malformed_feed_is_a_numbered_error_and_backs_off()
    {
        using var db = TestDb.Create(TestDb.Sqlite);
        using var w = new Watch(db);
        var url = _web.Url("/malformed.xml");
        var before = DateTimeOffset.UtcNow;
        await w.Poll(url);
        var error = w.Errors.ToString();
        Assert.StartsWith($"error {ErrorCodes.BadFeed} {url}: is not a well-formed feed (line ", error);
        var feed = w.Feeds.GetFeed(url)!;
        Assert.Equal(1, feed.ConsecutiveFailures);
        Assert.StartsWith(ErrorCodes.BadFeed, feed.LastError);
        Assert.False(feed.IsDue(before + TimeSpan.FromMinutes(29)));   // 15 min interval doubled after one failure
        Assert.True(feed.IsDue(before + TimeSpan.FromMinutes(31)));
        await w.Poll(url);
        Assert.Equal(2, w.Feeds.GetFeed(url)!.ConsecutiveFailures);
        Assert.Equal(TimeSpan.FromHours(1), w.Watcher.Backoff(TimeSpan.FromMinutes(15), 2));
        Assert.Equal(TimeSpan.FromHours(6), w.Watcher.Backoff(TimeSpan.FromMinutes(15), 9));
        Assert.Equal(2, w.Watcher.Tally.FailedPolls);
        Assert.Equal(0, db.Rows("documents"));
    }

    [Fact]
    public async Task Issue16_a_404_item_is_given_up_and_a_500_item_is_tried_again_at_the_next_poll()
    {
        using var db = TestDb.Create(TestDb.Sqlite);
        _web.Status("/pages/call-1.html", 404);
        _web.Status("/pages/call-2.html", 500);
        using var w = new Watch(db);
        await w.Poll(_web.Url("/rss.xml"));
        var errors = w.Errors.ToString();
        Assert.Contains($"error {ErrorCodes.HttpClientError} {_web.Url("/pages/call-1.html")}: the server answered 404", errors);
        Assert.Contains($"error {ErrorCodes.HttpServerError} {_web.Url("/pages/call-2.html")}: the server answered 500", errors);
        Assert.Contains("(tried again at the next poll)", errors);
        Assert.Null(w.Feeds.GetFeed(_web.Url("/rss.xml"))!.ETag);   // an item to try again: the feed is read in full next time

        _web.Map("/pages/call-2.html", c => FixtureWeb.Send(c, FixtureWeb.FixtureBytes("pages/call-2.html"), "text/html"));
        await w.Poll(_web.Url("/rss.xml"));
        var feed = w.Feeds.GetFeed(_web.Url("/rss.xml"))!;
        Assert.Equal(2, feed.ItemsStored);
        Assert.Equal(1, feed.ItemsFailed);
        Assert.Equal(1, _web.Hits("/pages/call-1.html"));   // a 404 is not asked again
        Assert.Equal(2, db.Rows("documents"));
    }

    /// <summary>A store that fails on every report, as a database that has gone away does (the other feed, malformed, would wait 30 min for its next poll).</summary>
    private sealed class BrokenSink : IReportSink
    {
        public Task<(ItemOutcome Outcome, int Interactions)> HandleAsync(RawDocument raw, FeedItemRef item, CancellationToken ct) =>
            throw new ReadoutException(ErrorCodes.StoreUnavailable, "postgres://db", "the PostgreSQL server did not answer within 15 s");
    }

    [Fact]
    public async Task A_store_failure_stops_every_feed_of_a_continuous_watch()
    {
        using var db = TestDb.Create(TestDb.Sqlite);
        using var w = new Watch(db, new WatchOptions(Once: false), new BrokenSink());
        var feeds = new[] { "/rss.xml", "/malformed.xml" }.Select(p => new FeedSubscription(_web.Url(p), TimeSpan.FromMinutes(15))).ToList();
        var run = w.Watcher.RunAsync(feeds, TestContext.Current.CancellationToken);
        var e = await Assert.ThrowsAsync<ReadoutException>(() => run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCodes.StoreUnavailable, e.Code);
        Assert.Equal(0, db.Rows("documents"));
    }

    [Fact]
    public async Task Once_skips_a_feed_that_is_not_due()
    {
        using var db = TestDb.Create(TestDb.Sqlite);
        using var w = new Watch(db);
        await w.Once(_web.Url("/rss.xml"));
        await w.Once(_web.Url("/rss.xml"));
        Assert.Equal(1, _web.Hits("/rss.xml"));
        Assert.Contains("not due until", w.Progress.ToString());
    }
}
