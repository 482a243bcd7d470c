using System.Data.Common;
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
            _conn.CreateFunction<string?, string?, bool>("readout_icontains",
                (hay, needle) => hay is not null && needle is not null && Fold(hay).Contains(Fold(needle), StringComparison.Ordinal),
                isDeterministic: true);
            Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
            Initialize(Migrations.Sqlite);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            _conn.Dispose();
            throw new ReadoutException(ErrorCodes.Store, path, "cannot open the database: " + e.Message, e);
        }
    }

    protected override string ContainsSql(string haystack, string needle) => $"instr({haystack}, {needle}) > 0";

    protected override void Close()
    {
        if (!_readOnly)
            try { Exec("PRAGMA optimize;"); } catch (SqliteException) { /* best effort: only planner statistics are lost */ }
        _conn.Dispose();
    }

    /// <summary>Keeps the full-text index (FTS5, migration 5) in step with the reports, in the same transaction.</summary>
    protected override void OnDocumentSaved(DbTransaction tx, long documentId, Readout.Documents.CleanDocument doc) =>
        IndexForSearch((SqliteTransaction)tx, documentId, doc.Title ?? doc.Raw.Title, doc.Text);

    private void Exec(string sql)
    {
        using var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
