using Readout.Store;

namespace Readout.Server;

/// <summary>
/// How the server reaches its store: a reader per request (used by one thread, disposed at the end of
/// the request) and one writer for HTTP ingest, whose calls the server serializes.
/// </summary>
public interface IReadoutStores
{
    IStoreQueries OpenReader();
    IReadoutStore Writer { get; }
}

/// <summary>
/// A SQLite database: opened once read-write at start-up (which migrates it and builds the full-text
/// index of older databases), then read through pooled read-only connections, one per request, which
/// WAL mode lets run beside each other and beside the writer.
/// </summary>
public sealed class SqliteReadoutStores : IReadoutStores, IDisposable
{
    private readonly string _path;
    private readonly SqliteStore _writer;
    private readonly CountCache _counts = new();   // list totals, recounted after each stored report

    public SqliteReadoutStores(string path)
    {
        _path = path;
        _writer = new SqliteStore(path);
        _writer.PrepareForServing();
    }

    public IStoreQueries OpenReader() => SqliteStore.OpenReader(_path, _counts);

    public IReadoutStore Writer => _writer;

    public void Dispose() => _writer.Dispose();
}

/// <summary>
/// A PostgreSQL database: opened once as a writer at start-up (which migrates it and fuses what was left
/// unfused), then read through pooled connections, one reader per request, each read in a snapshot of its own.
/// </summary>
public sealed class PostgresReadoutStores : IReadoutStores, IDisposable
{
    private readonly string _db;
    private readonly PostgresStore _writer;

    public PostgresReadoutStores(string db)
    {
        _db = db;
        _writer = new PostgresStore(db);
        _writer.PrepareForServing();
    }

    public IStoreQueries OpenReader() => PostgresStore.OpenReader(_db);

    public IReadoutStore Writer => _writer;

    public void Dispose() => _writer.Dispose();
}
