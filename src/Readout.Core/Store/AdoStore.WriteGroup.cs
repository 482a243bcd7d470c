using System.Data.Common;
using Readout.Documents;
using Readout.Pipeline;

namespace Readout.Store;

/// <summary>
/// Write groups: many batches of reports in one transaction, for a bulk ingest. A SQLite commit rewrites every page
/// the transaction touched, and a report touches pages all over the file (sixteen near-duplicate bands at random
/// places in their index, the full-text index, the statements' and figures' keys): committing each batch of 32 wires
/// wrote each of those pages again and again, about nine times the size of the database in all.
/// </summary>
public abstract partial class AdoStore
{
    /// <summary>The open write group's transaction, once its first batch began it.</summary>
    private DbTransaction? _groupTx;

    private bool _groupOpen;

    /// <summary>
    /// Whether a write group keeps one transaction open across its batches. Where several writers share the database
    /// (PostgreSQL), each batch commits at once: a long transaction would hold the fusion lock the others wait for.
    /// </summary>
    private protected virtual bool KeepsGroupsOpen => true;

    public IWriteGroup BeginWriteGroup()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_groupOpen) throw new InvalidOperationException("a write group is already open on this store");
        _groupOpen = KeepsGroupsOpen;
        return new WriteGroup(this);
    }

    /// <summary>
    /// The transaction a command runs in: the one given, else the open write group's (SQLite refuses a command outside
    /// the transaction its connection holds).
    /// </summary>
    private DbTransaction? Current(DbTransaction? tx) => tx ?? _groupTx;

    /// <summary>
    /// The reports written into the open group since its last commit without a savepoint of their own: when a later
    /// report fails half-written, the group's transaction is rolled back and these are written again (see
    /// <see cref="SaveInGroup"/>). Held until the commit, which the ingest makes at least once a second.
    /// </summary>
    private readonly List<DocumentResult> _groupWritten = [];

    /// <summary>
    /// A batch written straight into the group's transaction. A savepoint around every batch made SQLite copy each page
    /// the batch touched into a sub-journal first, about a tenth of the writer's time on the Reuters corpus, to guard
    /// against failures that practically never happen. So the savepoint is taken only after a failure: the whole
    /// transaction is rolled back, the group's earlier reports are written again, and then each report of the batch
    /// under a savepoint of its own, so a report that cannot be stored still leaves nothing behind and the others are kept.
    /// </summary>
    /// <exception cref="ReadoutException">RO2001 when the transaction itself is lost (the group's reports are then not stored).</exception>
    private List<SaveOutcome> SaveInGroup(IReadOnlyList<DocumentResult> results)
    {
        var tx = _groupTx ??= Connection.BeginTransaction();
        try
        {
            var stored = new bool[results.Count];
            for (var n = 0; n < results.Count; n++) stored[n] = SaveInto(tx, results[n]);
            _groupWritten.AddRange(results);
            return [.. stored.Select(s => new SaveOutcome(s, null))];
        }
        catch (Exception e) when (e is OperationCanceledException or ReadoutException)
        {
            // nothing of the batch may stay, not even the half of the report it stopped in: the group goes back to
            // what it held before the batch, then the error goes on
            WriteGroupAgain();
            throw;
        }
        catch (Exception) { tx = WriteGroupAgain(); /* find the report that fails */ }
        var outcomes = new List<SaveOutcome>(results.Count);
        foreach (var result in results)
        {
            try
            {
                outcomes.Add(new SaveOutcome(Within(tx, "report", () => SaveInto(tx, result)), null));
                _groupWritten.Add(result);
            }
            catch (Exception e) when (e is not (OperationCanceledException or ReadoutException))
            {
                outcomes.Add(new SaveOutcome(false, CannotStore(result, e)));
            }
        }
        return outcomes;
    }

    /// <summary>
    /// Rolls the group's transaction back and writes the reports it held again, in their order, in a new one: what a
    /// failing report left half-written is gone, and the group holds exactly what it held before that report's batch.
    /// </summary>
    /// <exception cref="ReadoutException">RO2001 when that fails too (the group's reports are then not stored).</exception>
    private DbTransaction WriteGroupAgain()
    {
        var again = _groupWritten.ToList();
        AbandonGroup();
        try
        {
            var tx = _groupTx = Connection.BeginTransaction();
            foreach (var result in again) SaveInto(tx, result);
            _groupWritten.AddRange(again);
            return tx;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AbandonGroup();
            throw new ReadoutException(ErrorCodes.Store, Name,
                "the write transaction was lost: " + e.Message + "; the reports since the last commit are not stored", e);
        }
    }

    /// <summary>Runs <paramref name="write"/> under a savepoint: kept when it succeeds, undone when it throws.</summary>
    private T Within<T>(DbTransaction tx, string savepoint, Func<T> write)
    {
        tx.Save(savepoint);
        T value;
        try { value = write(); }
        catch
        {
            try { tx.Rollback(savepoint); }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // SQLite ends the whole transaction on some failures (a full disk, an I/O error): the group is lost
                AbandonGroup();
                throw new ReadoutException(ErrorCodes.Store, Name,
                    "the write transaction was lost: " + e.Message + "; the reports since the last commit are not stored", e);
            }
            throw;
        }
        tx.Release(savepoint);
        return value;
    }

    private void CommitGroup()
    {
        if (_groupTx is not { } tx) return;
        try { OnGroupCommitting(tx); }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            AbandonGroup();
            throw new ReadoutException(ErrorCodes.Store, Name, "cannot index the reports written since the last commit: " + e.Message, e);
        }
        _groupTx = null;
        _groupWritten.Clear();
        try { tx.Commit(); }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            RollbackQuietly(tx);
            throw new ReadoutException(ErrorCodes.Store, Name, "cannot commit the reports written since the last commit: " + e.Message, e);
        }
        finally { tx.Dispose(); }
    }

    private void AbandonGroup()
    {
        _groupWritten.Clear();
        if (_groupTx is not { } tx) return;
        _groupTx = null;
        RollbackQuietly(tx);
        tx.Dispose();
        OnGroupAbandoned();
    }

    /// <summary>The handle <see cref="BeginWriteGroup"/> returns.</summary>
    private sealed class WriteGroup(AdoStore store) : IWriteGroup
    {
        private bool _ended;

        public void Commit()
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            store.CommitGroup();
        }

        public void Dispose()
        {
            if (_ended) return;
            _ended = true;
            store.AbandonGroup();
            store._groupOpen = false;
        }
    }
}

/// <summary>
/// Batches of reports written by <see cref="IReadoutStore.SaveDocuments"/> into one transaction until <see cref="Commit"/>
/// (see <see cref="IReadoutStore.BeginWriteGroup"/>). Disposing it without committing drops what was written since the
/// last commit.
/// </summary>
public interface IWriteGroup : IDisposable
{
    /// <summary>Commits what the group's batches wrote since the last commit.</summary>
    /// <exception cref="ReadoutException">
    /// RO2001 when the database refuses the commit (nothing since the last commit is then stored).
    /// </exception>
    void Commit();
}
