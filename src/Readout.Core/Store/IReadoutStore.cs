using Readout.Documents;
using Readout.Extract;
using Readout.Pipeline;

namespace Readout.Store;

/// <summary>
/// The Readout database as the CLI and the workers use it, whatever holds it: a SQLite file for one
/// analyst (<see cref="SqliteStore"/>) or a PostgreSQL database shared by a team and a worker fleet
/// (<see cref="PostgresStore"/>). Both run the same SQL and the same fusion code (<see cref="AdoStore"/>).
/// </summary>
public interface IReadoutStore : IDisposable, IDocumentLookup
{
    /// <summary>Names the database in messages: the file path, or the server and database (never a password).</summary>
    string Name { get; }

    /// <summary>
    /// A second, read-only way to ask <see cref="IDocumentLookup.HasDocument"/> from another thread while this store
    /// writes, which sees what is committed (not the open write group); null where the store offers none (an in-memory
    /// SQLite database, which another connection cannot see; PostgreSQL for now), and then the caller asks this store
    /// itself. A bulk ingest's reader uses it, so that it need not wait for the writer's batches and commits; a report
    /// it lets through that the open group already holds is found by the writer.
    /// </summary>
    IDocumentLookup? OpenLookup();

    /// <summary>
    /// Stores a report, its interactions, statements and figures, and fuses the blocks it touches, in one
    /// transaction. Saving a content hash that is already stored changes nothing.
    /// </summary>
    void SaveDocument(DocumentResult result, CancellationToken ct = default);

    /// <summary>
    /// Stores several reports, in order, in one transaction (faster than one each); a batch that fails is saved
    /// again a report at a time, so a report that cannot be stored leaves nothing half-written and the others are
    /// stored. Per report: stored, already stored (Stored false), or its RO2001 error.
    /// </summary>
    IReadOnlyList<SaveOutcome> SaveDocuments(IReadOnlyList<DocumentResult> results, CancellationToken ct = default);

    /// <summary>
    /// Opens a write group, for a bulk ingest: until it is committed, <see cref="SaveDocuments"/> and
    /// <see cref="SaveDocument"/> write into one transaction kept open (each batch under a savepoint, so a failing
    /// batch is still saved again a report at a time), and this store's reads see what they wrote. Nothing of it is
    /// stored before <see cref="IWriteGroup.Commit"/>; disposing the group drops what is not committed. Where writers
    /// share the database (PostgreSQL), every batch commits at once, as without a group. One group at a time.
    /// </summary>
    IWriteGroup BeginWriteGroup();

    /// <summary>The records that pass the filter, by date (undated last) then id.</summary>
    IReadOnlyList<Interaction> Query(InteractionFilter f);

    /// <summary>The record with this id (or an old id merged into it), or with the only id starting with it.</summary>
    Interaction? Get(string idOrPrefix);

    /// <summary>Up to <paramref name="limit"/> record ids starting with <paramref name="prefix"/>, in order.</summary>
    IReadOnlyList<string> FindIds(string prefix, int limit = 10);

    /// <summary>The clean text of a stored report (evidence offsets point into it).</summary>
    string? GetCleanText(string contentHash);

    /// <summary>How many reports and records are stored.</summary>
    (int Documents, int Records) Counts();

    /// <summary>The id a record id now resolves to (itself, or the record it was merged into), or null.</summary>
    string? Resolve(string id);

    /// <summary>Families of near-duplicate reports: each family's name and its members' uris.</summary>
    IReadOnlyList<(string Family, IReadOnlyList<string> Uris)> Families();

    /// <summary>All statements, or those of one record, in report and text order.</summary>
    IReadOnlyList<Statement> Statements(string? recordId = null);

    /// <summary>All figures with the uri of their report, in report and text order.</summary>
    IReadOnlyList<(Figure Figure, string Uri)> Figures();

    /// <summary>Records a person's review of a record and applies it (see <see cref="AdoStore.Review"/>).</summary>
    Reviews.ReviewOutcome Review(Reviews.ReviewRequest request);

    /// <summary>The review trail of one record, or of every record.</summary>
    IReadOnlyList<Reviews.ReviewEntry> ReviewTrail(string? recordId = null);

    /// <summary>Records waiting for review, the likeliest to be wrong first.</summary>
    Page<Reviews.QueueItem> ReviewQueue(int offset, int limit, CancellationToken ct = default);
}

/// <summary>What became of one report of a batch: stored, already stored (<see cref="Stored"/> false, no error), or its error.</summary>
public readonly record struct SaveOutcome(bool Stored, ReadoutException? Error);

/// <summary>Asks whether a report is stored (see <see cref="IReadoutStore.OpenLookup"/>). Not shared between threads.</summary>
public interface IDocumentLookup : IDisposable
{
    /// <summary>Whether a report with this content hash is already stored.</summary>
    bool HasDocument(string contentHash);
}
