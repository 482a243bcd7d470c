using Readout.Documents;
using Readout.Ingest;
using Readout.Store;

namespace Readout.Pipeline;

/// <summary>What became of one input item of a parallel ingest, reported in input order.</summary>
public enum IngestOutcome
{
    /// <summary>Processed and stored.</summary>
    New,
    /// <summary>Its content was already stored (before the run, or earlier in it).</summary>
    Known,
    /// <summary>Unreadable or failed in the pipeline; <see cref="IngestItemResult.Error"/> says why.</summary>
    Failed,
}

/// <summary>One input item's outcome, with the caller's tag (its file, its place in it) and the interactions stored.</summary>
public sealed record IngestItemResult<TTag>(TTag Tag, IngestOutcome Outcome, int Interactions, ReadoutException? Error);

/// <summary>
/// Ingest on every core, the batch form of <see cref="IngestService"/>: one reader walks the inputs (and skips content already stored), a worker per core runs
/// the pipeline (clean, analyse, extract) on the documents, each within its time budget (a document that ignores it is
/// given up on by the writer, reported in its place as RO1010, and its thread replaced), and one writer — the
/// calling thread — stores the results in input order, in batches of <see cref="BatchSize"/> written into one write
/// group committed every <see cref="CommitEvery"/> (<see cref="IReadoutStore.SaveDocuments"/>: a failing batch is
/// saved again a report at a time). Since reports are written in the order they were read, the store ends as a
/// sequential ingest leaves it, and every outcome is reported in input order, on the calling thread, once committed.
/// The reader asks whether a report is stored through a connection of its own where the store has one
/// (<see cref="IReadoutStore.OpenLookup"/>), else through the store under the writer's lock. At most
/// <see cref="InFlight"/> items are read ahead of the writer, so memory stays bounded whatever the size of the input.
/// </summary>
public sealed partial class ParallelIngest(IReadoutStore store, IngestService ingest)
{
    /// <summary>Reports per batch written (per savepoint of the write group).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Pipeline workers (by default one per core).</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Items read but not yet written, at most.</summary>
    /// <remarks>
    /// Enough for the document threads to go on while the writer commits (the full-text index's flush and merges and
    /// the log's checkpoint took up to 0.3 s, in which a Reuters ingest reads some 800 wires): with 128 they stopped at
    /// every commit (perf, in 0.1 s steps: ten steps of a Reuters ingest with the documents' threads nearly idle, two with
    /// 1,024). A whole whitehouse.jsonl ingest peaked at 431 MB with it.
    /// </remarks>
    public int InFlight { get; init; } = 1024;

    /// <summary>
    /// How often the written batches are committed (see <see cref="IReadoutStore.BeginWriteGroup"/>), and after how many
    /// reports at most: every commit rewrites the pages its reports touched, all over the file, so fewer commits write
    /// far less; a report is counted and reported once its commit is done, and an interrupted ingest loses none that was.
    /// </summary>
    public TimeSpan CommitEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc cref="CommitEvery"/>
    public int CommitAfter { get; init; } = 2048;

    private sealed class Slot<TTag>(long seq, TTag tag)
    {
        public long Seq { get; } = seq;
        public TTag Tag { get; } = tag;
        public RawDocument? Raw;
        public DocumentResult? Result;
        public IngestOutcome Outcome;
        public ReadoutException? Error;
        public Exception? Fatal;
        public int Interactions;
    }

    /// <summary>
    /// Ingests the items in order and calls <paramref name="done"/> for each, in input order, on the calling thread.
    /// A store failure (RO2001 on a report, RO5001) ends the run with that exception, after the reports before it were
    /// stored and reported; so does an unexpected exception of the inputs. Cancellation ends it with
    /// <see cref="OperationCanceledException"/>, after storing what was processed before it.
    /// </summary>
    public void Run<TTag>(IEnumerable<(InputItem Item, TTag Tag)> items, Action<IngestItemResult<TTag>> done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(done);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var storeLock = new Lock();
        var gate = new object();   // a monitor (Wait/PulseAll), not a Lock
        var ready = new Dictionary<long, Slot<TTag>>();
        var work = new System.Collections.Concurrent.BlockingCollection<Slot<TTag>>(new System.Collections.Concurrent.ConcurrentQueue<Slot<TTag>>());
        using var room = new SemaphoreSlim(InFlight, InFlight);
        long readCount = -1;   // known once the reader is done
        long waitingFor = -1;  // the item the writer waits for, under the gate: only its completion wakes the writer

        void Complete(Slot<TTag> slot)
        {
            lock (gate)
            {
                ready[slot.Seq] = slot;
                if (slot.Seq == waitingFor) Monitor.Pulse(gate);
            }
        }

        var reader = Task.Factory.StartNew(() =>
        {
            long seq = 0;
            // the reader asks through a connection of its own where the store has one: under the store's lock it waited
            // for every batch and commit of the writer, and the document threads ran dry meanwhile
            IDocumentLookup? lookup = null;
            try
            {
                lookup = store.OpenLookup();
                foreach (var (item, tag) in items)
                {
                    room.Wait(stop.Token);
                    var slot = new Slot<TTag>(seq++, tag);
                    if (item.Error is { } readError)
                    {
                        slot.Outcome = IngestOutcome.Failed;
                        slot.Error = readError;
                        Complete(slot);
                        continue;
                    }
                    var raw = item.Document!;
                    bool known;
                    try
                    {
                        if (lookup is not null) known = lookup.HasDocument(raw.ContentHash);
                        else lock (storeLock) known = IngestService.IsKnown(store, raw);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        slot.Fatal = e as ReadoutException
                            ?? new ReadoutException(ErrorCodes.Store, store.Name, $"cannot be read while checking {raw.Origin}: {e.Message}", e);
                        Complete(slot);
                        return;
                    }
                    if (known)
                    {
                        slot.Outcome = IngestOutcome.Known;
                        Complete(slot);
                        continue;
                    }
                    slot.Raw = raw;
                    work.Add(slot, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e)
            {
                // the inputs themselves failed unexpectedly: the writer reports it in its place
                var slot = new Slot<TTag>(seq++, default!) { Fatal = e };
                Complete(slot);
            }
            finally
            {
                lookup?.Dispose();
                work.CompleteAdding();
                lock (gate)
                {
                    readCount = seq;
                    Monitor.PulseAll(gate);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // the documents run on threads of the run's own, each taking the next as it is done, and the writer gives up on a
        // thread whose document ran past its budget without noticing (see Watch): a document handed to a kept thread
        // and waited for there cost seven thread switches a wire, a tenth of a Reuters ingest's processor time
        var runner = ingest.Runner;
        var threads = new List<DocumentThread<Slot<TTag>>>();
        void StartThread()
        {
            var thread = new DocumentThread<Slot<TTag>>();
            threads.Add(thread);
            thread.Start(() => Work(thread));
        }
        void Work(DocumentThread<Slot<TTag>> thread)
        {
            try
            {
                foreach (var slot in work.GetConsumingEnumerable(stop.Token))
                {
                    thread.Begin(slot);
                    DocumentResult? result = null;
                    ReadoutException? error = null;
                    Exception? fatal = null;
                    try { result = runner.ProcessHere(slot.Raw!, stop.Token); }
                    catch (ReadoutException e) { error = e; }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
                    catch (Exception e) { fatal = e; }
                    if (!thread.End()) return;   // given up on meanwhile: the writer reported the document, the thread ends
                    slot.Result = result;
                    slot.Outcome = result is not null ? IngestOutcome.New : IngestOutcome.Failed;
                    slot.Error = error;
                    slot.Fatal = fatal;
                    slot.Raw = null;
                    Complete(slot);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        }
        // the writer's watch, whenever it waits: a document past its budget and grace is reported as too slow in its place,
        // its thread left to end when the document does, and another thread takes the next documents
        var giveUpAfter = runner.GiveUpAfter;
        void Watch()
        {
            if (giveUpAfter == Timeout.InfiniteTimeSpan) return;
            for (var n = 0; n < threads.Count; n++)
            {
                if (threads[n].GiveUpIfPast(giveUpAfter) is not { } late) continue;
                late.Outcome = IngestOutcome.Failed;
                late.Error = runner.TooSlow(late.Raw!);
                late.Raw = null;
                threads.RemoveAt(n--);
                StartThread();
                Complete(late);
            }
        }
        for (var n = 0; n < Workers; n++) StartThread();

        var pending = new List<Slot<TTag>>();   // processed, not yet written
        var written = new List<Slot<TTag>>();   // written in the open group, reported once it is committed
        var sinceCommit = System.Diagnostics.Stopwatch.StartNew();
        IWriteGroup group;
        lock (storeLock) group = store.BeginWriteGroup();
        void Flush(CancellationToken token)
        {
            if (pending.Count == 0) return;
            var toSave = pending.Where(s => s.Outcome == IngestOutcome.New).ToList();
            IReadOnlyList<SaveOutcome> saved;
            lock (storeLock) saved = toSave.Count == 0 ? [] : store.SaveDocuments(toSave.Select(s => s.Result!).ToList(), token);
            for (var n = 0; n < toSave.Count; n++)
            {
                if (saved[n].Error is { } storeError)
                {
                    // the reports before it are stored and reported; the run stops here, as a sequential ingest would
                    foreach (var s in pending.TakeWhile(s => s != toSave[n])) Written(s);
                    pending.Clear();
                    Commit();
                    throw storeError;
                }
                if (!saved[n].Stored) toSave[n].Outcome = IngestOutcome.Known;   // a copy earlier in this run
            }
            foreach (var s in pending) Written(s);
            pending.Clear();
            if (written.Count >= CommitAfter || CommitDue()) Commit();
        }
        // in the transaction: the result's memory and its place among the items in flight are given back at once
        void Written(Slot<TTag> s)
        {
            s.Interactions = s.Outcome == IngestOutcome.New ? s.Result!.Interactions.Count : 0;
            s.Result = null;
            room.Release();
            written.Add(s);
        }
        bool CommitDue() => written.Count > 0 && sinceCommit.Elapsed >= CommitEvery;
        void Commit()
        {
            lock (storeLock) group.Commit();
            foreach (var s in written) done(new IngestItemResult<TTag>(s.Tag, s.Outcome, s.Interactions, s.Error));
            written.Clear();
            sinceCommit.Restart();
        }

        try
        {
            for (long next = 0; ; next++)
            {
                Slot<TTag>? slot;
                lock (gate)
                {
                    while (!ready.TryGetValue(next, out slot) && (readCount < 0 || next < readCount))
                    {
                        if (pending.Count > 0 || CommitDue()) break;
                        ct.ThrowIfCancellationRequested();
                        Watch();
                        if (ready.ContainsKey(next)) continue;
                        waitingFor = next;
                        Monitor.Wait(gate, 200);
                        waitingFor = -1;
                    }
                    if (slot is not null) ready.Remove(next);
                }
                if (slot is null)
                {
                    if ((pending.Count > 0 || written.Count > 0) && (readCount < 0 || next < readCount))
                    {
                        // nothing more is ready yet: write what is rather than wait with it, and commit when it is time
                        Flush(ct);
                        if (CommitDue()) Commit();
                        next--;
                        continue;
                    }
                    break;   // everything read has been written
                }
                if (slot.Fatal is { } fatal)
                {
                    Flush(ct);
                    Commit();
                    throw fatal is ReadoutException or OperationCanceledException ? fatal : new AggregateException(fatal);
                }
                pending.Add(slot);
                if (pending.Count(s => s.Outcome == IngestOutcome.New) >= BatchSize) Flush(ct);
            }
            Flush(ct);
            Commit();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // what was processed before the interruption is stored, as it would have been one by one
            stop.Cancel();
            Flush(CancellationToken.None);
            Commit();
            throw;
        }
        finally
        {
            stop.Cancel();
            // the reader and idle document threads notice the cancellation at once; a thread in a document is not waited
            // for (it stops at the document's next look at its token, or at its budget), so Ctrl+C takes effect at once;
            // the queue is disposed only when no thread may take from it any more
            var idleBy = DateTime.UtcNow + TimeSpan.FromMilliseconds(200);
            if (reader.Wait(TimeSpan.FromSeconds(2), CancellationToken.None) && threads.All(t => t.Join(idleBy - DateTime.UtcNow))) work.Dispose();
            // what is not committed by now (the store failed) is not stored, and was not reported
            lock (storeLock) group.Dispose();
        }
    }
}
