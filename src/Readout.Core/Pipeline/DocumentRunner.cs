using System.Text.RegularExpressions;
using Readout.Documents;

namespace Readout.Pipeline;

/// <summary>
/// Runs the work on one document within bounds: a time budget (cancelled cooperatively, and given up
/// a few seconds later even if the work does not notice), the caller's cancellation honoured at once
/// (the work runs on a kept document thread the caller does not wait on), and every failure turned into one
/// numbered error naming the document's origin (<c>file#L12</c>): RO1010 past the budget or a
/// pattern's time limit, RO9000 with the stack trace in the error log for anything unexpected. A budget of
/// <see cref="Timeout.InfiniteTimeSpan"/> is none: the work runs until it ends or the caller cancels.
/// </summary>
public sealed class DocumentRunner(ReadoutPipeline pipeline, TimeSpan budget, ErrorLog log) : IDisposable
{
    /// <summary>Ends the kept document threads that are idle (the service container does so when it is disposed).</summary>
    public void Dispose() => _lanes.Dispose();

    /// <summary>How long past its budget a document is waited for before it is given up.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    public ReadoutPipeline Pipeline { get; } = pipeline;
    public TimeSpan Budget { get; } = budget;
    public ErrorLog Log { get; } = log;

    /// <summary>The runner over the shipped pipeline, the default budget and the default error log.</summary>
    public static DocumentRunner CreateDefault(TimeSpan? budget = null) =>
        new(ReadoutPipeline.CreateDefault(), budget ?? TextLimits.DocumentBudget, ErrorLog.Default());

    /// <summary>Clean, analyse and extract one report.</summary>
    /// <exception cref="ReadoutException">the document's error (never another exception but cancellation).</exception>
    /// <exception cref="OperationCanceledException">only when <paramref name="ct"/> was cancelled.</exception>
    public DocumentResult Process(RawDocument raw, CancellationToken ct = default) => Run(raw, t => Pipeline.Process(raw, t), ct);

    /// <summary>Any work on one document, within the same bounds and with the same errors.</summary>
    public T Run<T>(RawDocument raw, Func<CancellationToken, T> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ct.ThrowIfCancellationRequested();
        var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Budget);
        var finished = 0;
        T Work()
        {
            try { return work(limit.Token); }
            finally { Volatile.Write(ref finished, 1); }
        }
        bool ran;
        T result;
        try
        {
            // on a lane of its own, waited for through wait handles: work run on the waiting thread would be
            // out of reach of Ctrl+C (as it was on a busy machine) and of the budget when it ignores its token
            ran = _lanes.TryRun(Work, GiveUpAfter, ct, out result);
        }
        catch (Exception e)
        {
            throw Translate(raw, e, ct);
        }
        finally
        {
            // work given up on may still read its token: the source is left to the collector then
            if (Volatile.Read(ref finished) == 1) limit.Dispose();
        }
        return ran ? result : throw TooSlow(raw, null);
    }

    /// <summary>
    /// Clean, analyse and extract one report on the calling thread, within the budget as far as the work notices its
    /// token: for a caller whose threads do nothing but documents and which gives up on a thread itself when a document
    /// runs past <see cref="GiveUpAfter"/> (<see cref="ParallelIngest"/>). Handing each document to a kept thread and
    /// waiting for it there cost a tenth of a Reuters ingest's processor time (seven thread switches a wire).
    /// </summary>
    /// <exception cref="ReadoutException">the document's error, as <see cref="Process"/> gives it.</exception>
    /// <exception cref="OperationCanceledException">only when <paramref name="ct"/> was cancelled.</exception>
    public DocumentResult ProcessHere(RawDocument raw, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ct.ThrowIfCancellationRequested();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Budget);
        try { return Pipeline.Process(raw, limit.Token); }
        catch (Exception e) { throw Translate(raw, e, ct); }
    }

    /// <summary>How long a document may run before the thread it runs on is given up on: the budget and a grace period.</summary>
    public TimeSpan GiveUpAfter => Budget == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : Budget + Grace;

    /// <summary>RO1010 for a document given up on past its budget.</summary>
    public ReadoutException TooSlow(RawDocument raw) => TooSlow(raw, null);

    /// <summary>The threads documents run on, kept between documents (a few per core).</summary>
    private readonly WorkLanes _lanes = new(2 * Environment.ProcessorCount);

    /// <summary>The error to report for an exception out of the work on <paramref name="raw"/>.</summary>
    public Exception Translate(RawDocument raw, Exception e, CancellationToken ct) => e switch
    {
        OperationCanceledException when ct.IsCancellationRequested => e,
        OperationCanceledException => TooSlow(raw, e),
        RegexMatchTimeoutException t => new ReadoutException(ErrorCodes.TooSlow, raw.Origin,
            $"a text pattern ran past its limit of {t.MatchTimeout.TotalSeconds:0.#} s on this document; it was not stored (please report it with the document)", e),
        ReadoutException r => r.For(raw.Origin),
        _ => Internal(raw, e),
    };

    private ReadoutException TooSlow(RawDocument raw, Exception? e) =>
        new(ErrorCodes.TooSlow, raw.Origin, $"processing took longer than the {Budget.TotalSeconds:0.#} s budget of a document; it was not stored (raise it with --time-limit, or report the document)", e);

    /// <summary>RO9000: one line on the console, the stack trace in the log.</summary>
    public ReadoutException Internal(RawDocument raw, Exception e)
    {
        var where = Log.Write(raw.Origin, e);
        var what = string.Join(' ', e.Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return new ReadoutException(ErrorCodes.Internal, raw.Origin, $"internal error ({e.GetType().Name}: {what}); {where}; please report it with the document", e);
    }
}
