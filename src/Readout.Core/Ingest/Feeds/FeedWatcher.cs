using System.Diagnostics;
using System.Globalization;
using System.Text;
using Readout.Documents;
using Readout.Ingest.Fetch;
using Readout.Store;

namespace Readout.Ingest.Feeds;

/// <summary>How <see cref="FeedWatcher"/> runs.</summary>
/// <param name="Once">Poll each due feed once and return (for cron), rather than until cancelled.</param>
/// <param name="Parallel">Feeds polled at the same time.</param>
/// <param name="MaxItemAttempts">Polls in which an item whose page failed for a passing reason (timeout, 5xx) is tried before it is given up.</param>
public sealed record WatchOptions(bool Once, int Parallel = 4, int MaxItemAttempts = 3)
{
    /// <summary>The longest wait after repeated failures of a feed.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(6);

    /// <summary>With <see cref="Once"/>, a feed whose next poll is this close is polled now, so that cron at the feed's interval does not skip every other run.</summary>
    public TimeSpan OnceGrace { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a long poll reports how far it has got.</summary>
    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>What a watch did, over all its polls.</summary>
public sealed class WatchTally
{
    private int _polls, _failedPolls, _unchanged, _new, _stored, _known, _queued, _failed, _interactions;
    public int Polls => _polls;
    public int FailedPolls => _failedPolls;
    public int Unchanged => _unchanged;
    public int NewItems => _new;
    public int Stored => _stored;
    public int Known => _known;
    public int Queued => _queued;
    public int Failed => _failed;
    public int Interactions => _interactions;
    internal void Poll(bool ok, bool unchanged)
    {
        Interlocked.Increment(ref _polls);
        if (!ok) Interlocked.Increment(ref _failedPolls);
        if (unchanged) Interlocked.Increment(ref _unchanged);
    }
    internal void Item() => Interlocked.Increment(ref _new);
    internal void Outcome(ItemOutcome o, int interactions)
    {
        Interlocked.Increment(ref o == ItemOutcome.Stored ? ref _stored : ref o == ItemOutcome.Queued ? ref _queued : ref _known);
        Interlocked.Add(ref _interactions, interactions);
    }
    internal void ItemFailed() => Interlocked.Increment(ref _failed);

    public override string ToString() =>
        $"{Polls} poll{(Polls == 1 ? "" : "s")} ({Unchanged} unchanged, {FailedPolls} failed); {NewItems} new item{(NewItems == 1 ? "" : "s")}: "
        + (Queued > 0 ? $"{Queued} queued, " : "") + $"{Stored} stored, {Known} already known, {Failed} failed; {Interactions} interaction{(Interactions == 1 ? "" : "s")} found";
}

/// <summary>
/// Follows feeds: polls each on its own interval with conditional requests, fetches each new item's page
/// once and hands it to a sink (the store, or the work queue). What it has seen is in the store: an item is
/// marked in the transaction that stores its report, and a feed's validators (ETag, Last-Modified) are
/// saved only after every item of the poll was handled, so a poll cut short (Ctrl+C, SIGTERM, kill -9) is
/// read again in full on restart, and the items already stored are skipped. Failed polls back off
/// exponentially (the interval doubled per failure in a row, up to <see cref="WatchOptions.MaxBackoff"/>).
/// </summary>
public sealed class FeedWatcher(PageFetcher fetcher, StoreGate gate, IReportSink sink, TextWriter progress, TextWriter errors, WatchOptions options)
{
    private static readonly string[] PassingFailures = [ErrorCodes.FetchTimeout, ErrorCodes.HttpServerError, ErrorCodes.Unreachable];

    public WatchTally Tally { get; } = new();

    /// <summary>Subscribes the feeds, then polls them: once each if due (<see cref="WatchOptions.Once"/>), else each on its own schedule until <paramref name="ct"/> is cancelled.</summary>
    /// <exception cref="ReadoutException">When the store or the queue fails (RO2001, RO5001, RO5101): nothing more can be recorded.</exception>
    public async Task RunAsync(IReadOnlyList<FeedSubscription> feeds, CancellationToken ct)
    {
        foreach (var f in feeds) await gate.RunAsync(() => gate.Feeds.Subscribe(f.Url, f.Interval), ct);
        using var slots = new SemaphoreSlim(Math.Max(1, options.Parallel));
        // a failure of the store or the queue stops every feed, not just the one that met it
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        async Task Follow(FeedSubscription f)
        {
            try { await (options.Once ? PollIfDueAsync(f, slots, stop.Token) : FollowAsync(f, slots, stop.Token)); }
            catch (ReadoutException)
            {
                await stop.CancelAsync();
                throw;
            }
        }
        // a faulted feed's error is what WhenAll throws, before the others' cancellations
        await Task.WhenAll(feeds.Select(Follow).ToList());
    }

    private async Task PollIfDueAsync(FeedSubscription feed, SemaphoreSlim slots, CancellationToken ct)
    {
        var state = await gate.RunAsync(() => gate.Feeds.GetFeed(feed.Url), ct);
        if (state is not null && !state.IsDue(DateTimeOffset.UtcNow + options.OnceGrace))
        {
            Log($"feed {feed.Url}: not due until {state.NextPoll} (last poll {state.LastPoll}: {state.LastStatus})");
            return;
        }
        await WithSlotAsync(slots, () => PollAsync(feed, ct), ct);
    }

    private async Task FollowAsync(FeedSubscription feed, SemaphoreSlim slots, CancellationToken ct)
    {
        while (true)
        {
            var state = await gate.RunAsync(() => gate.Feeds.GetFeed(feed.Url), ct);
            var wait = NextPoll(state) - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            await WithSlotAsync(slots, () => PollAsync(feed, ct), ct);
        }
    }

    private static DateTimeOffset NextPoll(FeedStatus? state) =>
        state?.NextPoll is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.MinValue;

    private static async Task WithSlotAsync(SemaphoreSlim slots, Func<Task> work, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try { await work(); }
        finally { slots.Release(); }
    }

    /// <summary>One poll of one feed: read it (conditionally), handle its new items oldest first, then record the poll.</summary>
    public async Task PollAsync(FeedSubscription feed, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var state = await gate.RunAsync(() =>
        {
            gate.Feeds.Subscribe(feed.Url, feed.Interval);
            return gate.Feeds.GetFeed(feed.Url);
        }, ct);
        FetchResponse response;
        ParsedFeed parsed;
        try
        {
            response = await fetcher.FetchAsync(feed.Url, new Validators(state?.ETag, state?.LastModified), ct);
            parsed = response.NotModified ? new ParsedFeed(null, []) : FeedParser.Parse(response.Body, feed.Url);
        }
        catch (ReadoutException e)
        {
            var failures = (state?.ConsecutiveFailures ?? 0) + 1;
            var next = started + Backoff(feed.Interval, failures);
            errors.WriteLine("error " + e.Message);
            Log($"feed {feed.Url}: poll failed ({Ordinal(failures)} time in a row); next poll at {Time(next)}");
            await gate.RunAsync(() => gate.Feeds.RecordPoll(new FeedPoll(feed.Url, DateTimeOffset.UtcNow, false, "failed", e.Message, null, true, null, null, next)), ct);
            Tally.Poll(false, false);
            return;
        }
        if (response.NotModified)
        {
            var next = started + feed.Interval;
            await gate.RunAsync(() => gate.Feeds.RecordPoll(new FeedPoll(feed.Url, DateTimeOffset.UtcNow, true, "304 not modified", null, null, true, null, null, next)), ct);
            Log($"feed {feed.Url}: not modified; next poll at {Time(next)}");
            Tally.Poll(true, true);
            return;
        }

        var known = await gate.RunAsync(() => gate.Feeds.Items(feed.Url), ct);
        var fresh = parsed.Entries.Reverse()   // feeds list the newest first: read the oldest first
            .DistinctBy(e => e.Key, StringComparer.Ordinal)
            .Where(e => !known.TryGetValue(e.Key, out var k) || !FeedItemStates.IsDone(k.State) && k.Attempts < options.MaxItemAttempts)
            .ToList();
        var poll = new PollTally();
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        foreach (var entry in fresh)
        {
            ct.ThrowIfCancellationRequested();   // cut short: the validators are not saved, so the next poll reads the feed again
            await HandleItemAsync(feed, entry, known.TryGetValue(entry.Key, out var k) ? k.Attempts : 0, poll, ct);
            if (clock.Elapsed - lastReport >= options.ProgressEvery)
            {
                lastReport = clock.Elapsed;
                Log($"feed {feed.Url}: {poll.Done}/{fresh.Count} new items read ({poll.Done / clock.Elapsed.TotalSeconds:F1}/s)");
            }
        }
        var nextPoll = started + feed.Interval;
        // an item left to try again needs the feed read again, so its validators are not kept
        var status = $"{response.Status}: {parsed.Entries.Count} items, {fresh.Count} new ({poll})";
        await gate.RunAsync(() => gate.Feeds.RecordPoll(new FeedPoll(feed.Url, DateTimeOffset.UtcNow, true, status, null, parsed.Title, false,
            poll.Retrying > 0 ? null : response.ETag, poll.Retrying > 0 ? null : response.LastModified, nextPoll)), ct);
        Log($"feed {feed.Url}: {status}; next poll at {Time(nextPoll)}");
        Tally.Poll(true, false);
    }

    private async Task HandleItemAsync(FeedSubscription feed, FeedEntry entry, int attempts, PollTally poll, CancellationToken ct)
    {
        var item = new FeedItemRef(feed.Url, entry.Key);
        var where = entry.Link ?? $"{feed.Url}#{entry.Key}";
        Tally.Item();
        try
        {
            var raw = entry.Link is { } link
                ? WebReader.ToDocument(await fetcher.FetchAsync(link, null, ct), item, entry.Title, entry.Published)
                : FromFeed(feed.Url, entry, item);
            var (outcome, interactions) = await sink.HandleAsync(raw, item, ct);
            Tally.Outcome(outcome, interactions);
            poll.Count(outcome, interactions);
        }
        catch (ReadoutException e) when (!IsFatal(e))
        {
            var retry = PassingFailures.Contains(e.Code) && attempts + 1 < options.MaxItemAttempts;
            errors.WriteLine("error " + e.Message + (retry ? " (tried again at the next poll)" : ""));
            await gate.RunAsync(() => gate.Feeds.MarkItem(feed.Url, entry.Key, where, retry ? FeedItemStates.Retry : FeedItemStates.Failed, null, e.Message), ct);
            Tally.ItemFailed();
            poll.Fail(retry);
        }
    }

    /// <summary>Failures of the store or the queue: the watch cannot record anything more, so it stops.</summary>
    private static bool IsFatal(ReadoutException e) =>
        e.Code is ErrorCodes.Store or ErrorCodes.StoreUnavailable or ErrorCodes.QueueUnavailable or ErrorCodes.BadConnection;

    /// <summary>An item with no link: its report is the text the feed carries, with the feed's address as evidence.</summary>
    private static RawDocument FromFeed(string feedUrl, FeedEntry entry, FeedItemRef item)
    {
        var html = entry.Html ?? "";
        if (string.IsNullOrWhiteSpace(html)) throw new ReadoutException(ErrorCodes.Empty, $"{feedUrl}#{entry.Key}", "the item has neither a link nor any text");
        var uri = $"{feedUrl}#{entry.Key}";
        var content = $"<html><head><title>{System.Net.WebUtility.HtmlEncode(entry.Title ?? "")}</title></head><body>{html}</body></html>";
        var evidence = new FetchEvidence(feedUrl, feedUrl, DateTimeOffset.UtcNow, 200, "text/html", "", "utf-8 (the feed's item)", Encoding.UTF8.GetBytes(html)) { FeedItem = item };
        return new RawDocument(uri, content, "html", InputReader.Hash("html\n" + content), entry.Title, entry.Published) { Fetch = evidence };
    }

    /// <summary>After <paramref name="failures"/> failed polls in a row: the interval doubled for each, at most <see cref="WatchOptions.MaxBackoff"/>.</summary>
    public TimeSpan Backoff(TimeSpan interval, int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures, 20));
        var t = TimeSpan.FromSeconds(Math.Min(interval.TotalSeconds * factor, options.MaxBackoff.TotalSeconds));
        return t > interval ? t : interval;
    }

    /// <summary>A progress line, stamped with the time (UTC) for a watch that runs for days.</summary>
    private void Log(string line) => progress.WriteLine($"{Time(DateTimeOffset.UtcNow)} {line}");

    private static string Time(DateTimeOffset t) => AdoStore.Timestamp(t)[..19] + "Z";

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };

    /// <summary>One poll's items.</summary>
    private sealed class PollTally
    {
        public int Stored, Known, Queued, Failed, Retrying, Interactions;
        public int Done => Stored + Known + Queued + Failed;
        public void Count(ItemOutcome o, int interactions)
        {
            if (o == ItemOutcome.Stored) Stored++; else if (o == ItemOutcome.Queued) Queued++; else Known++;
            Interactions += interactions;
        }
        public void Fail(bool retry)
        {
            Failed++;
            if (retry) Retrying++;
        }
        public override string ToString() =>
            (Queued > 0 ? $"{Queued} queued, " : "") + $"{Stored} stored, {Known} already known, {Failed} failed" + (Retrying > 0 ? $" ({Retrying} to try again)" : "") + $"; {Interactions} interactions";
    }
}
