using Readout.Documents;
using Readout.Pipeline;
using Readout.Queue;
using Readout.Store;

namespace Readout.Ingest.Feeds;

/// <summary>What became of one new feed item's report.</summary>
public enum ItemOutcome { Stored, AlreadyKnown, Queued }

/// <summary>Where <see cref="FeedWatcher"/> sends the report of each new item: processed into the store, or published to the work queue.</summary>
public interface IReportSink
{
    /// <summary>Handles one report and marks its feed item; returns what was done and how many interactions were found (0 when queued).</summary>
    /// <exception cref="ReadoutException">The report's own error (RO1007, RO9000...) or the store's or the queue's (RO2001, RO5001, RO5101).</exception>
    Task<(ItemOutcome Outcome, int Interactions)> HandleAsync(RawDocument raw, FeedItemRef item, CancellationToken ct);
}

/// <summary>
/// One connection to the store shared by the polls of several feeds: the store is used by one thread at a
/// time, while fetching and the pipeline run in parallel.
/// </summary>
public sealed class StoreGate(IReadoutStore store) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public IReadoutStore Store => store;

    /// <summary>The same store as a feed store (both backends implement it).</summary>
    public IFeedStore Feeds => store as IFeedStore ?? throw new InvalidOperationException($"the store {store.Name} cannot follow feeds");

    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try { return work(); }
        finally { _lock.Release(); }
    }

    public Task RunAsync(Action work, CancellationToken ct) => RunAsync(() => { work(); return true; }, ct);

    public void Dispose() => _lock.Dispose();
}

/// <summary>
/// Ingests each report through the <see cref="IngestService"/>, the store used under the gate (the pipeline runs
/// outside it); the feed item is marked in the report's own transaction.
/// </summary>
public sealed class StoreSink(StoreGate gate, IngestService ingest) : IReportSink
{
    public async Task<(ItemOutcome, int)> HandleAsync(RawDocument raw, FeedItemRef item, CancellationToken ct)
    {
        if (await gate.RunAsync(() => IngestService.IsKnown(gate.Store, raw), ct))
        {
            await gate.RunAsync(() => gate.Feeds.MarkItem(item.FeedUrl, item.ItemKey, raw.Uri, FeedItemStates.Stored, raw.ContentHash), ct);
            return (ItemOutcome.AlreadyKnown, 0);
        }
        var result = ingest.Process(raw, ct);   // a failure is one numbered error naming the page (RO9000 with its trace in the error log)
        var stored = await gate.RunAsync(() =>
        {
            // saved unless another feed's poll stored the same page meanwhile
            var saved = IngestService.Store(gate.Store, result, ct);
            // a no-op when the report's transaction marked it; marks it when the content was already stored
            gate.Feeds.MarkItem(item.FeedUrl, item.ItemKey, raw.Uri, FeedItemStates.Stored, raw.ContentHash);
            return saved;
        }, ct);
        return stored ? (ItemOutcome.Stored, result.Interactions.Count) : (ItemOutcome.AlreadyKnown, 0);
    }
}

/// <summary>
/// Publishes each report to the work queue for <c>readout worker</c>; the item is marked queued once the
/// broker has confirmed it, and the worker marks it stored in the report's transaction.
/// </summary>
public sealed class QueueSink(StoreGate gate, ReportPublisher publisher) : IReportSink, IDisposable
{
    private readonly SemaphoreSlim _channel = new(1, 1);   // one publisher channel, used by one poll at a time

    public async Task<(ItemOutcome, int)> HandleAsync(RawDocument raw, FeedItemRef item, CancellationToken ct)
    {
        await _channel.WaitAsync(ct);
        try { await publisher.PublishAsync(raw, ct); }
        catch (Exception e) when (ReportQueue.IsConnectionFailure(e))
        {
            throw new ReadoutException(ErrorCodes.QueueUnavailable, raw.Uri, $"the connection to RabbitMQ was lost ({e.Message}); run watch again: the item was not marked, so it is published again");
        }
        finally { _channel.Release(); }
        await gate.RunAsync(() => gate.Feeds.MarkItem(item.FeedUrl, item.ItemKey, raw.Uri, FeedItemStates.Queued, raw.ContentHash), ct);
        return (ItemOutcome.Queued, 0);
    }

    public void Dispose() => _channel.Dispose();
}
