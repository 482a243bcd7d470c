using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Readout.Documents;

namespace Readout.Store;

/// <summary>
/// The Readout database in one SQLite file, for one analyst (the default). Opening a database brings its
/// schema up to date. The logic it shares with <see cref="PostgresStore"/> is in <see cref="AdoStore"/>.
/// </summary>
public sealed partial class SqliteStore : AdoStore
{
    static SqliteStore() => SQLitePCL.Batteries_V2.Init();

    private readonly SqliteConnection _conn;

    /// <summary>The database file (or ":memory:").</summary>
    public string Path { get; }

    public override string Name => Path;

    protected override DbConnection Connection => _conn;

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => Migrations.Sqlite.Count;

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and migrates it.</summary>
    /// <exception cref="ReadoutException">RO2001 when the file cannot be opened as a Readout database.</exception>
    public SqliteStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,        // release the file on Dispose
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        _conn = new SqliteConnection(cs);
        try
        {
            _conn.Open();
            // a checkpoint every 64 MB of WAL (16,384 pages) rather than every 4 MB: a bulk ingest checkpointed, and
            // synced, every few hundred reports (Reuters corpus 29.8 s -> 18.5 s). A 16 MB page cache: at the end of
            // every write transaction SQLite's page cache does work that grows with its size (pcache1TruncateUnsafe,
            // 7.7% of the processor time of saving reports one by one with 64 MB, 1.6% with 8 MB), so each commit of a
            // report cost more as the store grew (against 100,000 stored: 360 reports a second, 433 with 16 MB); the
            // operating system caches the file's pages anyway. Statement journals in memory: spilled to a temporary
            // file, they were two thirds of an ingest's writes to disk
            Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA cache_size=-16384; "
                + "PRAGMA wal_autocheckpoint=16384; PRAGMA temp_store=MEMORY;");
            _wal = string.Equals(Convert.ToString(Scalar(null, "PRAGMA journal_mode"), CultureInfo.InvariantCulture), "wal", StringComparison.OrdinalIgnoreCase);
            Initialize(Migrations.Sqlite);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            _conn.Dispose();
            throw new ReadoutException(ErrorCodes.Store, path, "cannot open the database: " + e.Message, e);
        }
    }

    private protected override SqlDialect Dialect => SqlDialect.Sqlite;

    private protected override CountCache? SharedCounts => _counts;

    private readonly bool _readOnly;   // a per-request reader: no PRAGMA optimize on closing

    private readonly bool _wal;   // the journal mode SQLite granted: WAL unless the file system has no shared memory (or in memory)

    private readonly CountCache? _counts;   // a reader's list totals, shared with the other readers of this database

    private SqliteStore(string path, SqliteConnection connection, CountCache? counts)
    {
        Path = path;
        _conn = connection;
        _readOnly = true;
        _counts = counts;
    }

    /// <summary>
    /// Opens an existing database for reading only, through a pooled connection: cheap enough to open per
    /// request, and safe beside a writer because the database is in WAL mode (readers see the last commit).
    /// It neither migrates nor fuses, so the database must have been opened once by <see cref="SqliteStore(string)"/>.
    /// </summary>
    /// <exception cref="ReadoutException">RO2002 when the file does not exist, RO2001 when it cannot be opened.</exception>
    /// <param name="counts">List totals shared by the readers of this database (the server keeps one), or null to count every time.</param>
    public static SqliteStore OpenReader(string path, CountCache? counts = null) => OpenReader(path, counts, immutable: false);

    /// <summary>
    /// A read-only connection of its own to this file (see <see cref="IReadoutStore.OpenLookup"/>): in WAL mode it reads
    /// beside this store's open write transaction without waiting for it. None for a database in memory, which another
    /// connection cannot see, for a reader, which has no writer to step aside from, and for a file SQLite keeps in
    /// another journal mode (on a file system without shared memory it falls back to one): there a reader waits for the
    /// writer's commits and could run out of its busy timeout, so the ingest asks this store under its lock as before.
    /// </summary>
    public override IDocumentLookup? OpenLookup()
    {
        // the store's own connection is not touched here: the ingest's reader calls this on its thread while the writer works
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (_readOnly || !_wal || !File.Exists(Path)) return null;   // ":memory:", a URI: nothing another connection can open by name
        return OpenReader(Path, null, immutable: false, pooled: false);
    }

    /// <summary>
    /// Opens a database for a command that only reads it (events, show, export...): it is never created,
    /// migrated or written, so a file that is not a Readout database is refused rather than given tables,
    /// and a database on a read-only mount, where SQLite cannot make its WAL index beside it, is read as
    /// an unchanging file.
    /// </summary>
    /// <exception cref="ReadoutException">RO2002 when the file does not exist, RO2003 when it is not a Readout database of this version, RO2001 when it cannot be read.</exception>
    public static SqliteStore OpenExisting(string path)
    {
        SqliteStore store;
        try { store = OpenReader(path, null, immutable: false); }
        catch (ReadoutException e) when (e.InnerException is SqliteException { SqliteErrorCode: 14 or 8 })   // CANTOPEN, READONLY: no -shm can be made
        {
            store = OpenReader(path, null, immutable: true);
        }
        try
        {
            var version = store.SchemaVersionOnFile();
            if (version == SchemaVersion) return store;
            store.Dispose();
            throw new ReadoutException(ErrorCodes.NotReadout, path, version switch
            {
                null => "is not a Readout database (it has no Readout tables); read commands never change a file: pass the right --db",
                < 0 => "is not a Readout database (it is not a SQLite file); read commands never change a file: pass the right --db",
                var v when v < SchemaVersion => $"was written by an older Readout (schema {v}, this one reads {SchemaVersion}); bring it up to date once with a command that writes, e.g. 'readout ingest' of any report",
                var v => $"was written by a newer Readout (schema {v}, this one reads {SchemaVersion}); upgrade Readout",
            });
        }
        catch (SqliteException e)
        {
            store.Dispose();
            throw new ReadoutException(ErrorCodes.Store, path, "cannot read the database: " + e.Message, e);
        }
    }

    /// <summary>The schema version recorded in the file; null without Readout's tables, -1 when the file is not SQLite.</summary>
    private int? SchemaVersionOnFile()
    {
        try
        {
            if (Scalar(null, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") is null) return null;
            return Convert.ToInt32(Scalar(null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 26)   // SQLITE_NOTADB
        {
            return -1;
        }
    }

    private static SqliteStore OpenReader(string path, CountCache? counts, bool immutable, bool pooled = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new ReadoutException(ErrorCodes.NoDatabase, path, "no database here; run 'readout ingest PATH...' first, or pass --db FILE");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            // immutable: SQLite reads the file without any lock or WAL index (for a read-only mount, where nothing writes it)
            DataSource = immutable ? new Uri(System.IO.Path.GetFullPath(path)).AbsoluteUri + "?immutable=1" : path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = pooled && !immutable,   // a lookup's connection is closed with it, as the writer's is
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            // Reads go through a memory map rather than a read() per page: less system time under load. A
            // pooled connection keeps its map; setting it again would remap, so only a new connection sets it.
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA mmap_size";
                if (Convert.ToInt64(pragma.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
                {
                    pragma.CommandText = "PRAGMA mmap_size = 268435456; PRAGMA busy_timeout = 5000;";
                    pragma.ExecuteNonQuery();
                }
            }
            return new SqliteStore(path, connection, counts);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new ReadoutException(ErrorCodes.Store, path, "cannot open the database for reading: " + e.Message, e);
        }
    }

    /// <summary>
    /// Refreshes the statistics SQLite's planner chooses indexes by (a full ANALYZE: about a second on 50k records). A server
    /// calls it once at start: without statistics a store filled in one go plans dyad and mode queries on
    /// the wrong index and answers several times slower.
    /// </summary>
    public void PrepareForServing()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Exec("PRAGMA analysis_limit = 0; ANALYZE;");
    }

    /// <summary>
    /// The words of a user's query as an FTS5 expression: each word quoted (so punctuation and FTS5
    /// operators in the input are plain text), all required, the last one also as a prefix. Null when no word is left.
    /// </summary>
    public static string? MatchExpression(string query) => SqlDialect.Sqlite.TextQuery(query);

    /// <summary>
    /// Runs several statements in one read transaction, so they all see the same commit: a page and its
    /// total, or a dyad's counts and timeline, agree even while a writer commits in between.
    /// </summary>
    /// <remarks>
    /// <paramref name="ct"/> interrupts the statement running when it fires (the client went away, or the
    /// request ran past its time limit): SQLite stops at its next step rather than finishing a long scan.
    /// </remarks>
    private protected override T InSnapshot<T>(Func<T> read, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ct.ThrowIfCancellationRequested();
        Exec("BEGIN");
        try
        {
            T result;
            using (ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(_conn.Handle)))
                result = read();
            Exec("COMMIT");
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 9 && ct.IsCancellationRequested)   // SQLITE_INTERRUPT
        {
            Rollback();
            throw new OperationCanceledException("the query was interrupted", e, ct);
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    private void Rollback()
    {
        // an interrupted statement may already have ended the transaction
        if (!_conn.Handle!.IsInvalid && SQLitePCL.raw.sqlite3_get_autocommit(_conn.Handle) == 0) Exec("ROLLBACK");
    }


    protected override void Close()
    {
        if (!_readOnly)
            try { Exec("PRAGMA optimize;"); } catch (SqliteException) { /* best effort: only planner statistics are lost */ }
        _conn.Dispose();
    }

    /// <summary>
    /// The first report row a write group wrote since its last commit, not yet in the full-text index; null when none.
    /// </summary>
    private long? _unindexedFrom;

    /// <summary>
    /// Keeps the full-text index (an external-content FTS5 table, migration 5) in step with the reports, in the same
    /// transaction. In a write group the rows are indexed together just before the commit (<see cref="OnGroupCommitting"/>):
    /// FTS5 writes its pending terms out as a new segment at every savepoint, and a segment per batch of 32 reports kept
    /// it merging small segments through the whole ingest.
    /// </summary>
    protected override void OnDocumentSaved(DbTransaction tx, long documentId, Readout.Documents.CleanDocument doc, bool inWriteGroup)
    {
        if (inWriteGroup)
        {
            // rowids only grow while the group holds the database's one write transaction, so every report row from
            // the first one on is the group's (rows of a batch rolled back are gone, and their rowids are given again)
            _unindexedFrom ??= documentId;
            return;
        }
        var cmd = Kept(tx, "INSERT INTO documents_fts(rowid, title, clean_text) VALUES (@id, @title, @text)");
        Add(cmd, "id", documentId);
        Add(cmd, "title", doc.Title ?? doc.Raw.Title);
        Add(cmd, "text", doc.Text);
        cmd.ExecuteNonQuery();
    }

    protected override void OnGroupCommitting(DbTransaction tx)
    {
        if (_unindexedFrom is not { } from) return;
        var cmd = Kept(tx, "INSERT INTO documents_fts(rowid, title, clean_text) SELECT id, title, clean_text FROM documents WHERE id >= @from ORDER BY id");
        Add(cmd, "from", from);
        cmd.ExecuteNonQuery();
        _unindexedFrom = null;
    }

    protected override void OnGroupAbandoned() => _unindexedFrom = null;

    /// <summary>SQLite's data version: it changes for this connection when another one commits (see <see cref="BandFilter"/>).</summary>
    private protected override long? OtherWritersVersion(DbTransaction tx) =>
        Convert.ToInt64(Kept(tx, "PRAGMA data_version").ExecuteScalar(), CultureInfo.InvariantCulture);

    private void Exec(string sql)
    {
        using var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
