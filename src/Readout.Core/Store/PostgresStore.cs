using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using Readout.Documents;

namespace Readout.Store;

/// <summary>
/// The Readout database on a PostgreSQL server, shared by a team and written by many workers at once.
/// It runs the same SQL and fusion code as <see cref="SqliteStore"/> (<see cref="AdoStore"/>), with:
/// <list type="bullet">
/// <item>one fusing writer at a time per database and schema: a writing transaction inserts its report's
/// rows, then takes a transaction-scoped advisory lock before linking families and fusing blocks, so that
/// step sees all reports committed before it and gives the records a single process would (the reports
/// are read and analysed, and their rows inserted, in parallel);</item>
/// <item>reconnection: an operation that fails because the server went away (restart, network) or because
/// of a deadlock is retried on a new connection until <see cref="RetryWindow"/> has passed; a transaction
/// that was cut off is rolled back by the server, and saving a report twice changes nothing.</item>
/// </list>
/// </summary>
public sealed partial class PostgresStore : AdoStore
{
    private readonly string _connectionString;
    private readonly long _writerLockKey;
    private NpgsqlConnection _conn;

    public override string Name { get; }

    /// <summary>How long an operation is retried while the server cannot be reached.</summary>
    public TimeSpan RetryWindow { get; }

    protected override DbConnection Connection => _conn;

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => Migrations.Postgres.Count;

    /// <summary>Connects to the database named by <paramref name="db"/> (<c>postgres://user:pass@host:port/db</c> or <c>Host=...;Database=...</c>) and migrates it.</summary>
    /// <exception cref="ReadoutException">RO5002 for a connection string that cannot be read; RO5001 when the server
    /// cannot be reached within <paramref name="retryWindow"/>; RO2001 when the database cannot be used.</exception>
    public PostgresStore(string db, TimeSpan? retryWindow = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(db);
        var builder = ParseConnectionString(db);
        RetryWindow = retryWindow ?? TimeSpan.FromSeconds(15);
        Name = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}" + (string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})");
        _connectionString = builder.ConnectionString;
        _writerLockKey = StableKey($"readout|{builder.Database}|{builder.SearchPath}");
        _conn = new NpgsqlConnection(_connectionString);
        try
        {
            Run(() =>
            {
                CreateSchema(builder.SearchPath);
                Initialize(Migrations.Postgres);
                return true;
            }, CancellationToken.None);
        }
        catch (ReadoutException)
        {
            _conn.Dispose();
            throw;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            _conn.Dispose();
            throw new ReadoutException(ErrorCodes.Store, Name, "cannot open the database: " + e.Message, e);
        }
    }

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsConnectionString(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a URL (<c>postgres://user:password@host:port/database?search_path=s</c>; query keys are
    /// Npgsql's connection-string keys, with <c>_</c> for a space) or an Npgsql connection string.
    /// </summary>
    public static NpgsqlConnectionStringBuilder ParseConnectionString(string db)
    {
        try
        {
            if (!db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
                return new NpgsqlConnectionStringBuilder(db);
            var uri = new Uri(db);
            var b = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
                Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : "readout",
            };
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                b.Username = Uri.UnescapeDataString(parts[0]);
                if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
            }
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                b[Uri.UnescapeDataString(kv[0]).Replace('_', ' ')] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            }
            return b;
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException)
        {
            throw new ReadoutException(ErrorCodes.BadConnection, Redact(db),
                "not a PostgreSQL connection string (" + e.Message + "); give postgres://user:password@host:port/database or Host=...;Database=...;Username=...", e);
        }
    }

    private protected override SqlDialect Dialect => SqlDialect.Postgres;

    /// <summary>A per-request reader: connects through the pool, neither migrates nor fuses.</summary>
    private PostgresStore(NpgsqlConnectionStringBuilder builder)
    {
        RetryWindow = TimeSpan.FromSeconds(15);
        Name = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}" + (string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})");
        _connectionString = builder.ConnectionString;
        _writerLockKey = 0;
        _conn = new NpgsqlConnection(_connectionString);
    }

    /// <summary>
    /// Opens a database for reading only, through a pooled connection (cheap enough per request; read-only
    /// transactions, so a reader can never write). It neither migrates nor fuses, so the database must have
    /// been opened once by <see cref="PostgresStore(string, TimeSpan?)"/>.
    /// </summary>
    /// <exception cref="ReadoutException">RO5002 for a connection string that cannot be read; RO5001 when the
    /// server cannot be reached; RO2002 when the database has no Readout schema.</exception>
    public static PostgresStore OpenReader(string db)
    {
        ArgumentException.ThrowIfNullOrEmpty(db);
        var builder = ParseConnectionString(db);
        builder.Pooling = true;
        builder.Options = ((builder.Options ?? "") + " -c default_transaction_read_only=on").Trim();
        var reader = new PostgresStore(builder);
        try
        {
            var migrated = reader.Run(() => reader.Scalar(null, "SELECT to_regclass('schema_migrations') IS NOT NULL") is true, CancellationToken.None);
            if (!migrated)
                throw new ReadoutException(ErrorCodes.NoDatabase, reader.Name, "no Readout database here; run 'readout ingest --db ... PATH...' first");
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Refreshes the planner's statistics; a server calls it once at start (a store filled in one go has none yet).</summary>
    public void PrepareForServing()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Run(() =>
        {
            using var cmd = Cmd(null, "ANALYZE documents, records, record_actors, record_dyads, interactions, statements");
            return cmd.ExecuteNonQuery();
        }, CancellationToken.None);
    }

    /// <summary>
    /// Runs several statements in one repeatable-read transaction, so they all see the same snapshot: a page
    /// and its total, or a dyad's counts and timeline, agree even while a writer commits in between. A
    /// lost connection retries the whole read.
    /// </summary>
    private protected override T InSnapshot<T>(Func<T> read, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return Run(() =>
        {
            using var tx = _conn.BeginTransaction(IsolationLevel.RepeatableRead);
            var result = read();
            tx.Commit();
            return result;
        }, ct);
    }


    // workers insert their reports side by side and queue at BeginWrite's lock: families are found after it
    private protected override bool WritersExcludedFromTheStart => false;

    // a transaction kept open across batches would hold BeginWrite's lock, and every other writer with it
    private protected override bool KeepsGroupsOpen => false;

    private protected override bool InsertsRowByRow => false;

    protected override void BeginWrite(DbTransaction tx)
    {
        using var cmd = Cmd(tx, "SELECT pg_advisory_xact_lock(@key)");
        Add(cmd, "key", _writerLockKey);
        cmd.ExecuteNonQuery();
    }

    protected override T Run<T>(Func<T> operation, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + RetryWindow;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (_conn.State != ConnectionState.Open) Reconnect();
                return operation();
            }
            catch (Exception e) when (IsTransient(e))
            {
                if (DateTime.UtcNow >= deadline)
                    throw new ReadoutException(ErrorCodes.StoreUnavailable, Name,
                        $"the PostgreSQL server did not answer within {RetryWindow.TotalSeconds:0} s ({e.Message}); check that it runs (scripts/services/start-postgres.sh) and that --db names it");
                // a lost connection may leave others in the pool that are just as dead
                NpgsqlConnection.ClearPool(_conn);
                if (ct.WaitHandle.WaitOne(delay)) ct.ThrowIfCancellationRequested();
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
                Reconnect();
            }
        }
    }

    /// <summary>Failures that another attempt may not meet: the server or network went away, or the server chose this transaction as a deadlock victim.</summary>
    private static bool IsTransient(Exception e) => e switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState is "40001" or "40P01" or "57P01" or "57P02" or "57P03" || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or SocketException or TimeoutException,
        _ => false,
    };

    private void Reconnect()
    {
        _conn.Dispose();
        _conn = new NpgsqlConnection(_connectionString);
        _conn.Open();
    }

    private void CreateSchema(string? searchPath)
    {
        var schema = searchPath?.Split(',')[0].Trim();
        if (string.IsNullOrEmpty(schema)) return;
        using var tx = _conn.BeginTransaction();
        BeginWrite(tx);
        using (var cmd = Cmd(tx, $"CREATE SCHEMA IF NOT EXISTS \"{schema.Replace("\"", "\"\"")}\"")) cmd.ExecuteNonQuery();
        tx.Commit();
    }

    protected override void Close() => _conn.Dispose();

    /// <summary>A 64-bit FNV-1a hash: the same advisory-lock key in every process for the same database and schema.</summary>
    private static long StableKey(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in s) { h ^= ch; h *= 1099511628211UL; }
        return unchecked((long)h);
    }

    /// <summary>A connection string fit for an error message: the password is left out.</summary>
    public static string Redact(string db) =>
        System.Text.RegularExpressions.Regex.Replace(db, @"(?i)(password\s*=\s*)[^;]*|(://[^:/@]*:)[^@]*@", m => m.Groups[1].Success ? m.Groups[1].Value + "***" : m.Groups[2].Value + "***@");
}
