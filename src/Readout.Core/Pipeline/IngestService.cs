using Readout.Documents;
using Readout.Ingest;
using Readout.Store;

namespace Readout.Pipeline;

/// <summary>What the ingest of one report did: stored it (<see cref="IngestOutcome.New"/>) or found its content stored already.</summary>
/// <param name="Result">What the pipeline made of it; null when it was known before the pipeline ran.</param>
public sealed record IngestedReport(IngestOutcome Outcome, DocumentResult? Result)
{
    /// <summary>The interactions stored (0 when the report was known).</summary>
    public int Interactions => Outcome == IngestOutcome.New ? Result!.Interactions.Count : 0;
}

/// <summary>
/// The one way a report is ingested, used by every entry point — <c>readout ingest</c> (<see cref="IngestAll{TTag}"/>),
/// the queue worker and <c>readout watch</c> (<see cref="Ingest"/>, or its parts under their own lock), and the
/// server's <c>POST /api/ingest</c>: content already stored is skipped, the pipeline runs through the
/// <see cref="DocumentRunner"/> (the entry point's time budget; every failure one numbered error naming the
/// document), and the report is saved unless its content was stored meanwhile. The store's own errors
/// (RO2001, RO5001) pass through untouched, for the caller to stop or retry on.
/// </summary>
public sealed class IngestService(DocumentRunner runner)
{
    public DocumentRunner Runner { get; } = runner ?? throw new ArgumentNullException(nameof(runner));

    /// <summary>Whether the store holds this report's content already.</summary>
    public static bool IsKnown(IReadoutStore store, RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(raw);
        return store.HasDocument(raw.ContentHash);
    }

    /// <summary>Runs the pipeline on one report within the runner's budget.</summary>
    /// <exception cref="ReadoutException">the report's error, naming it (RO1010, RO9000...).</exception>
    /// <exception cref="OperationCanceledException">only when <paramref name="ct"/> was cancelled.</exception>
    public DocumentResult Process(RawDocument raw, CancellationToken ct = default) => Runner.Process(raw, ct);

    /// <summary>Saves a processed report unless its content is stored already (asked again here: another writer may have stored it since); true when saved.</summary>
    public static bool Store(IReadoutStore store, DocumentResult result, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(result);
        if (store.HasDocument(result.Document.Raw.ContentHash)) return false;
        store.SaveDocument(result, ct);
        return true;
    }

    /// <summary>One report into a store only this thread uses now: skipped when known, else processed and saved.</summary>
    /// <exception cref="ReadoutException">the report's error naming it, or the store's.</exception>
    public IngestedReport Ingest(IReadoutStore store, RawDocument raw, CancellationToken ct = default)
    {
        if (IsKnown(store, raw)) return new IngestedReport(IngestOutcome.Known, null);
        var result = Process(raw, ct);
        return new IngestedReport(Store(store, result, ct) ? IngestOutcome.New : IngestOutcome.Known, result);
    }

    /// <summary>Many reports on every core, stored in input order, <see cref="ParallelIngest.BatchSize"/> to a transaction (see <see cref="ParallelIngest.Run{TTag}"/>).</summary>
    public void IngestAll<TTag>(IReadoutStore store, IEnumerable<(InputItem Item, TTag Tag)> items, Action<IngestItemResult<TTag>> done, CancellationToken ct) =>
        new ParallelIngest(store, this).Run(items, done, ct);
}
