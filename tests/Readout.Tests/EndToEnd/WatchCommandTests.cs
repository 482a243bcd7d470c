using System.Diagnostics;
using Readout.Documents;
using Readout.Tests.Ingest;
using Readout.Tests.Queue;
using Readout.Tests.Store;
using Xunit;

namespace Readout.Tests.EndToEnd;

/// <summary><c>readout ingest URL</c> and <c>readout watch</c> as processes, against a local server: output, exit codes, kill -9 and SIGTERM.</summary>
public sealed class WatchCommandTests : IAsyncLifetime
{
    private FixtureWeb _web = null!;
    private readonly SqliteTestDb _db = new();

    public async ValueTask InitializeAsync() => _web = await FixtureWeb.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _web.DisposeAsync();
        _db.Dispose();
    }

    private static Process Start(params string[] args)
    {
        var psi = CliRunner.StartInfo(args);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        return Process.Start(psi)!;
    }

    [Fact]
    public void Issue16_ingest_fetches_urls_and_names_each_failure_with_a_numbered_error()
    {
        var ok = _web.Url("/pages/call-1.html");
        var missing = _web.Url("/pages/none.html");
        var r = CliRunner.Run("--db", _db.Db, "ingest", "--per-host", "0", ok, missing);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("read 2 documents: 1 new, 0 already known, 1 failed", r.Stdout);
        Assert.Contains($"error {ErrorCodes.HttpClientError} {missing}: the server answered 404 Not found", r.Stderr);
        Assert.Equal(1L, _db.Scalar($"SELECT count(*) FROM document_fetches f JOIN documents d ON d.id = f.document_id WHERE d.uri = '{ok}'"));
        var again = CliRunner.Run("--db", _db.Db, "ingest", ok);
        Assert.Contains("0 new, 1 already known", again.Stdout);
    }

    [Fact]
    public void Issue16_watch_once_reads_a_feed_list_and_a_second_run_finds_nothing_due()
    {
        var list = Path.Combine(Path.GetTempPath(), $"feeds-{Guid.NewGuid():N}.txt");
        File.WriteAllText(list, $"# fixture feeds\n{_web.Url("/rss.xml")} 30m\n{_web.Url("/atom.xml")}\n");
        try
        {
            var first = CliRunner.Run("--db", _db.Db, "watch", "--once", "--per-host", "0", "--feeds", list);
            Assert.True(first.ExitCode == 0, first.Stderr);
            Assert.Contains("watching 2 feeds", first.Stdout);
            Assert.Contains("watch: 2 polls (0 unchanged, 0 failed); 6 new items: 5 stored, 1 already known, 0 failed", first.Stdout);   // call-2 is in both feeds
            var second = CliRunner.Run("--db", _db.Db, "watch", "--once", "--feeds", list);
            Assert.Equal(0, second.ExitCode);
            Assert.Contains("not due until", second.Stdout);
            Assert.Equal(2L, _db.Scalar("SELECT count(*) FROM feeds"));
            Assert.Equal(1800L, _db.Scalar($"SELECT interval_s FROM feeds WHERE url = '{_web.Url("/rss.xml")}'"));
        }
        finally { File.Delete(list); }
    }

    [Fact]
    public void Issue16_watch_reports_a_malformed_feed_and_a_bad_feed_list_line()
    {
        var r = CliRunner.Run("--db", _db.Db, "watch", "--once", _web.Url("/malformed.xml"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error {ErrorCodes.BadFeed} {_web.Url("/malformed.xml")}: is not a well-formed feed", r.Stderr);
        var list = Path.Combine(Path.GetTempPath(), $"feeds-{Guid.NewGuid():N}.txt");
        File.WriteAllText(list, "https://a.example/rss every day\n");
        try
        {
            var bad = CliRunner.Run("--db", _db.Db, "watch", "--once", "--feeds", list);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains($"error {ErrorCodes.BadFeedList} {list}#L1:", bad.Stderr);
        }
        finally { File.Delete(list); }
    }

    [Fact]
    public async Task Issue16_kill_9_mid_poll_and_restart_misses_and_repeats_nothing()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _web.Map("/pages/call-2.html", async c =>
        {
            reached.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(60), c.RequestAborted);
        });
        var feed = _web.Url("/rss.xml");
        using (var watch = Start("--db", _db.Db, "watch", "--once", "--per-host", "0", "--retries", "0", feed))
        {
            await reached.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            watch.Kill();   // SIGKILL: no clean-up at all
            await watch.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        Assert.Equal(1L, _db.Scalar("SELECT count(*) FROM documents"));

        _web.Map("/pages/call-2.html", c => FixtureWeb.Send(c, FixtureWeb.FixtureBytes("pages/call-2.html"), "text/html"));
        var restart = CliRunner.Run("--db", _db.Db, "watch", "--once", "--per-host", "0", feed);
        Assert.True(restart.ExitCode == 0, restart.Stderr);
        Assert.Contains("3 items, 2 new (2 stored, 0 already known, 0 failed", restart.Stdout);
        Assert.Equal(3L, _db.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(3L, _db.Scalar("SELECT count(DISTINCT uri) FROM documents"));
        Assert.Equal(3L, _db.Scalar("SELECT count(*) FROM feed_items WHERE state = 'stored'"));
        Assert.Equal(1, _web.Hits("/pages/call-1.html"));
        Assert.Equal(1, _web.Hits("/pages/call-3.html"));
    }

    [Fact]
    public async Task Issue16_watch_stops_cleanly_on_SIGTERM()
    {
        using var watch = Start("--db", _db.Db, "watch", "--per-host", "0", "--interval", "1h", _web.Url("/rss.xml"));
        var stdout = new System.Text.StringBuilder();
        var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watch.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stdout) stdout.AppendLine(e.Data);
            if (e.Data.Contains("next poll at", StringComparison.Ordinal)) polled.TrySetResult();
        };
        watch.BeginOutputReadLine();
        var stderr = watch.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await polled.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        using (var term = Process.Start("kill", ["-TERM", watch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync(TestContext.Current.CancellationToken);
        await watch.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(130, watch.ExitCode);
        Assert.Contains("interrupted", await stderr);
        lock (stdout) Assert.Contains("watch: 1 poll (0 unchanged, 0 failed); 3 new items: 3 stored", stdout.ToString());
    }
}

/// <summary><c>watch --queue</c>: new items go to the worker fleet, which stores them and marks them stored.</summary>
[Collection(FleetCollection.Name)]
public sealed class WatchQueueTests : IAsyncLifetime
{
    private FixtureWeb _web = null!;

    public async ValueTask InitializeAsync() => _web = await FixtureWeb.StartAsync();

    public async ValueTask DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Issue16_watch_queue_publishes_new_items_and_a_worker_stores_them()
    {
        await using var queue = TestQueue.Create();
        using var db = new SqliteTestDb();
        var feed = _web.Url("/rss.xml");
        var watch = CliRunner.Run("--db", db.Db, "watch", "--once", "--per-host", "0", "--queue", queue.Amqp, "--queue-name", queue.Name, feed);
        Assert.True(watch.ExitCode == 0, watch.Stderr);
        Assert.Contains("3 new items: 3 queued, 0 stored", watch.Stdout);
        Assert.Equal(3u, await queue.CountAsync(queue.Name));
        Assert.Equal(3L, db.Scalar("SELECT count(*) FROM feed_items WHERE state = 'queued'"));
        Assert.Equal(0L, db.Scalar("SELECT count(*) FROM documents"));

        var worker = CliRunner.Run("--db", db.Db, "worker", "--queue", queue.Amqp, "--queue-name", queue.Name, "--exit-when-idle", "2");
        Assert.True(worker.ExitCode == 0, worker.Stderr);
        Assert.Equal(3L, db.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(3L, db.Scalar("SELECT count(*) FROM feed_items WHERE state = 'stored'"));   // marked by the worker, in the report's transaction
        Assert.Equal(3L, db.Scalar("SELECT count(*) FROM document_fetches"));
    }
}
