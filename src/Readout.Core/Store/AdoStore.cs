using System.Data;
using System.Data.Common;
using System.Globalization;
using Readout.Documents;
using Readout.Extract;
using Readout.Fuse;
using Readout.Pipeline;

namespace Readout.Store;

/// <summary>
/// The store's logic over any ADO.NET connection: one row per report (with its clean text, so evidence
/// offsets can be shown again) and one per interaction, its full record kept as JSON and its searchable
/// fields as columns; fusion of records; statements and figures. The SQL is written once in the subset
/// SQLite and PostgreSQL share (named <c>@parameters</c>, <c>ON CONFLICT</c>, <c>RETURNING</c>); the
/// backends add what differs: opening, the schema's column types, how a writer is serialised, and which
/// failures are worth retrying. Each report is written in one transaction: either the report and all its
/// interactions are stored, or nothing is.
/// </summary>
public abstract partial class AdoStore : IReadoutStore
{
    private bool _disposed;

    /// <summary>The open connection; a backend may replace it after a connection failure.</summary>
    protected abstract DbConnection Connection { get; }

    public abstract string Name { get; }

    /// <summary>
    /// Called in a writing transaction before it reads what others wrote: before linking a report's family
    /// and fusing its blocks (its own rows are inserted before, in parallel with other writers), and
    /// first thing in a migration. A backend with several concurrent writers serialises them here, so
    /// linking and fusion see every report committed before them and none that is not: the records come
    /// out as if the reports had been saved one after another.
    /// </summary>
    protected virtual void BeginWrite(DbTransaction tx) { }

    /// <summary>
    /// Whether a write transaction shuts out every other writer from its start (SQLite's BEGIN IMMEDIATE), so a
    /// report's family can be found before its row is written, and the row written once, whole. Where writers
    /// run side by side until <see cref="BeginWrite"/> (PostgreSQL), the family is found after it.
    /// </summary>
    private protected virtual bool WritersExcludedFromTheStart => true;

    /// <summary>
    /// Called in the write transaction after a new report's row is inserted (SQLite indexes it for full-text search
    /// there); <paramref name="inWriteGroup"/> when the transaction is a write group's, which <see cref="OnGroupCommitting"/>
    /// ends.
    /// </summary>
    protected virtual void OnDocumentSaved(DbTransaction tx, long documentId, CleanDocument doc, bool inWriteGroup) { }

    /// <summary>Called in a write group's transaction just before it commits; what it writes commits with the group.</summary>
    protected virtual void OnGroupCommitting(DbTransaction tx) { }

    /// <summary>Called when a write group's transaction is rolled back: nothing it wrote since its last commit is kept.</summary>
    protected virtual void OnGroupAbandoned() { }

    /// <summary>Runs one database operation; a backend that can lose its server retries it here.</summary>
    protected virtual T Run<T>(Func<T> operation, CancellationToken ct) => operation();

    protected bool IsDisposed => _disposed;

    /// <inheritdoc/>
    public virtual IDocumentLookup? OpenLookup() => null;

    public bool HasDocument(string contentHash)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Run(() =>
        {
            using var cmd = Cmd(null, "SELECT 1 FROM documents WHERE content_hash = @h");
            Add(cmd, "h", contentHash);
            return cmd.ExecuteScalar() is not null;
        }, CancellationToken.None);
    }

    /// <summary>
    /// Stores a report and its interactions in one transaction. A report whose content hash is already
    /// stored is left as it is; an interaction whose id is already stored is kept in its first form.
    /// </summary>
    /// <exception cref="ReadoutException">RO2001 when anything fails; nothing of the report is then written.
    /// RO5001 when the database server cannot be reached (the report may be saved again later).</exception>
    public void SaveDocument(DocumentResult result, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        SaveReporting(result, ct);
    }

    /// <summary>
    /// Stores several reports in one transaction, in order, as <see cref="SaveDocument"/> would one after another:
    /// one commit instead of one per report. When the batch fails, it is rolled back and each report is saved again
    /// in a transaction of its own, so a report that cannot be stored leaves nothing half-written and the others
    /// are stored. Returns, per report, whether it was stored (false: its content was already stored) or its error.
    /// </summary>
    /// <exception cref="ReadoutException">RO5001 when the database server cannot be reached.</exception>
    public IReadOnlyList<SaveOutcome> SaveDocuments(IReadOnlyList<DocumentResult> results, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (results.Count == 0) return [];
        if (_groupOpen) return Run(() => SaveInGroup(results), ct);
        if (results.Count > 1)
        {
            try
            {
                return Run(() => SaveBatchOnce(results), ct).Select(stored => new SaveOutcome(stored, null)).ToList();
            }
            catch (ReadoutException e) when (e.Code == ErrorCodes.StoreUnavailable) { throw; }
            catch (OperationCanceledException) { throw; }
            catch (Exception) { /* one report of the batch failed: find it by saving each alone */ }
        }
        var outcomes = new List<SaveOutcome>(results.Count);
        foreach (var result in results)
        {
            ct.ThrowIfCancellationRequested();
            try { outcomes.Add(new SaveOutcome(SaveReporting(result, ct), null)); }
            catch (ReadoutException e) when (e.Code == ErrorCodes.Store) { outcomes.Add(new SaveOutcome(false, e)); }
        }
        return outcomes;
    }

    /// <summary>Saves one report in a transaction of its own, or in the open write group; false when its content is already stored.</summary>
    private bool SaveReporting(DocumentResult result, CancellationToken ct)
    {
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_groupOpen) return Run(() => SaveOnce(result), ct);
            var outcome = Run(() => SaveInGroup([result]), ct)[0];
            return outcome.Error is { } error ? throw error : outcome.Stored;
        }
        // a write group's RO2001 already names the report (or the database, when its transaction is lost)
        catch (ReadoutException e) when (e.Code is ErrorCodes.StoreUnavailable or ErrorCodes.Store) { throw; }
        catch (OperationCanceledException) { throw; }
        catch (Exception e) { throw CannotStore(result, e); }
    }

    /// <summary>RO2001 for a report the database refused, naming it.</summary>
    private static ReadoutException CannotStore(DocumentResult result, Exception e) =>
        new(ErrorCodes.Store, result.Document.Raw.Uri, "cannot be stored: " + e.Message, e);

    private bool[] SaveBatchOnce(IReadOnlyList<DocumentResult> results)
    {
        var tx = Connection.BeginTransaction();
        try
        {
            var stored = results.Select(r => SaveInto(tx, r)).ToArray();
            tx.Commit();
            return stored;
        }
        catch
        {
            RollbackQuietly(tx);
            throw;
        }
        finally
        {
            tx.Dispose();
        }
    }

    private bool SaveOnce(DocumentResult result)
    {
        var tx = Connection.BeginTransaction();
        try
        {
            if (!SaveInto(tx, result)) { tx.Rollback(); return false; }   // already stored: idempotent
            tx.Commit();
            return true;
        }
        catch
        {
            RollbackQuietly(tx);
            throw;
        }
        finally
        {
            tx.Dispose();
        }
    }

    /// <summary>Writes one report in <paramref name="tx"/>; false (and nothing written) when its content is already stored.</summary>
    private bool SaveInto(DbTransaction tx, DocumentResult result)
    {
        var doc = result.Document;
        {
            long documentId;
            // the family is found first where no other writer can interleave, so the report's row is written once
            // with it (rewriting the row of a long text afterwards cost SQLite a copy of the whole text)
            var family = WritersExcludedFromTheStart ? FindFamilies(tx, result.Signature, doc.Text) : null;
            var familyLabel = family?.Label(doc.Raw.ContentHash);
            {
                var ins = Kept(tx, """
                    INSERT INTO documents(content_hash, uri, title, published, format, clean_text, minhash, family_hash)
                    VALUES (@hash, @uri, @title, @published, @format, @text, @minhash, @family)
                    ON CONFLICT (content_hash) DO NOTHING
                    RETURNING id
                    """);
                Add(ins, "hash", doc.Raw.ContentHash);
                Add(ins, "uri", doc.Raw.Uri);
                Add(ins, "title", doc.Title ?? doc.Raw.Title);
                Add(ins, "published", doc.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Add(ins, "format", doc.Raw.Format);
                Add(ins, "text", doc.Text);
                Add(ins, "minhash", family is null ? new TypedNull(DbType.Binary) : NearDuplicates.ToBytes(family.Signature));
                Add(ins, "family", familyLabel);
                var id = ins.ExecuteScalar();
                if (id is null or DBNull) return false;   // already stored: idempotent
                documentId = Convert.ToInt64(id, CultureInfo.InvariantCulture);
            }
            OnDocumentSaved(tx, documentId, doc, ReferenceEquals(tx, _groupTx));
            SaveFetch(tx, documentId, doc.Raw);

            var insI = Kept(tx, """
                INSERT INTO interactions(id, document_id, status, mode, date, date_basis, city, country, venue, record_json, block_key)
                VALUES (@id, @doc, @status, @mode, @date, @basis, @city, @country, @venue, @json, @block)
                ON CONFLICT (id) DO NOTHING
                """);
            var actorRows = new List<object?[]>();
            // the parts of each block the new interactions join (null: the whole block is fused again)
            var blocks = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);

            foreach (var i in result.Interactions)
            {
                if (i is null || string.IsNullOrWhiteSpace(i.Id))
                    throw new InvalidOperationException("an interaction has no id");
                var participants = i.Participants ?? throw new InvalidOperationException($"interaction {i.Id} has no participant list");
                var attendees = i.Attendees ?? [];
                var block = Fuse.FusionEngine.BlockKey(i);

                insI.Parameters.Clear();
                Add(insI, "id", i.Id);
                Add(insI, "doc", documentId);
                Add(insI, "status", i.Status.Wire());
                Add(insI, "mode", i.Mode.Wire());
                Add(insI, "date", i.Date);
                Add(insI, "basis", i.DateBasis.Text);
                Add(insI, "city", i.Location?.City);
                Add(insI, "country", i.Location?.Country);
                Add(insI, "venue", i.Location?.Venue);
                Add(insI, "json", RecordJson.Serialize(i));
                Add(insI, "block", block);
                if (insI.ExecuteNonQuery() == 0) continue;   // this id is already stored
                if (!blocks.TryGetValue(block, out var parts)) blocks[block] = parts = new HashSet<string>(StringComparer.Ordinal);
                parts?.Add(Fuse.FusionEngine.FusionPart(i.Status.Wire(), i.Date));

                foreach (var (kind, list) in new[] { (ActorKind.Participant, participants), (ActorKind.Attendee, attendees) })
                    foreach (var a in list)
                        actorRows.Add([i.Id, kind.Wire(), a.Name, a.Country, a.Role?.Wire()]);
            }
            InsertRows(tx, "interaction_actors", ["interaction_id", "kind", "name", "country", "role"], actorRows);
            SaveStatements(tx, documentId, result);
            BeginWrite(tx);
            // a family that changes changes the votes of every record of its blocks: those are fused whole
            var joined = family is null
                ? LinkFamily(tx, documentId, doc.Raw.ContentHash, doc.Text, result.Signature)
                : JoinFamily(tx, documentId, family, familyLabel!);
            foreach (var b in joined) blocks[b] = null;
            foreach (var (b, parts) in blocks.OrderBy(kv => kv.Key, StringComparer.Ordinal)) RefuseBlock(tx, b, parts);
            return true;
        }
    }

    /// <summary>Rolls back after a failure that is already being reported; a rollback that fails too means the connection is gone and the server discards the transaction.</summary>
    private static void RollbackQuietly(DbTransaction tx)
    {
        try { tx.Rollback(); }
        catch (Exception e) when (e is DbException or InvalidOperationException) { /* the original failure is what gets reported */ }
    }

    public IReadOnlyList<Interaction> Query(InteractionFilter f)
    {
        ArgumentNullException.ThrowIfNull(f);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Run(() =>
        {
            var filter = FilterSql.Build(f, text: null, Dialect);
            using var cmd = FilterCmd($"SELECT r.record_json FROM records r WHERE {filter.Where} ORDER BY r.date IS NULL, r.date, r.id", filter);
            var list = new List<Interaction>();
            using var r = cmd.ExecuteReader();
            while (r.Read()) list.Add(Read(r.GetString(0)));
            return (IReadOnlyList<Interaction>)list;
        }, CancellationToken.None);
    }

    public Interaction? Get(string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (idOrPrefix.Length == 0) return null;
        var exactJson = Run(() =>
        {
            using var exact = Cmd(null, "SELECT record_json FROM records WHERE id = COALESCE((SELECT new_id FROM record_aliases WHERE old_id = @id), @id)");
            Add(exact, "id", idOrPrefix);
            return exact.ExecuteScalar() as string;
        }, CancellationToken.None);
        if (exactJson is not null) return Read(exactJson);
        var ids = FindIds(idOrPrefix, 2);
        if (ids.Count != 1) return null;
        var json = Run(() =>
        {
            using var one = Cmd(null, "SELECT record_json FROM records WHERE id = @id");
            Add(one, "id", ids[0]);
            return one.ExecuteScalar() as string;
        }, CancellationToken.None);
        return json is null ? null : Read(json);
    }

    public IReadOnlyList<string> FindIds(string prefix, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Run(() =>
        {
            using var cmd = Cmd(null, "SELECT id FROM records WHERE substr(id, 1, length(@p)) = @p ORDER BY id LIMIT @n");
            Add(cmd, "p", prefix);
            Add(cmd, "n", limit);
            var ids = new List<string>();
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add(r.GetString(0));
            return (IReadOnlyList<string>)ids;
        }, CancellationToken.None);
    }

    public string? GetCleanText(string contentHash)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Run(() =>
        {
            using var cmd = Cmd(null, "SELECT clean_text FROM documents WHERE content_hash = @h");
            Add(cmd, "h", contentHash);
            return cmd.ExecuteScalar() as string;
        }, CancellationToken.None);
    }

    public (int Documents, int Records) Counts()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Run(() =>
        {
            using var cmd = Cmd(null, "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM records)");
            using var r = cmd.ExecuteReader();
            r.Read();
            return (Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture));
        }, CancellationToken.None);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        AbandonGroup();   // a group not committed is not stored
        DisposeKeptCommands();
        Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection (a backend may tidy up first).</summary>
    protected abstract void Close();

    private Interaction Read(string json)
    {
        try { return RecordJson.Deserialize(json); }
        catch (System.Text.Json.JsonException e)
        {
            throw new ReadoutException(ErrorCodes.Store, Name, "a stored record cannot be read: " + e.Message, e);
        }
    }

    /// <summary>Case- and accent-insensitive form for name matching: "Erdoğan" and "ERDOGAN" fold alike.</summary>
    internal static string Fold(string s) => Readout.Lexicons.Lexicon.Fold(s);
}
