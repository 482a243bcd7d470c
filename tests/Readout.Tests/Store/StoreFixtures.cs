using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Readout.Analyse;
using Readout.Documents;
using Readout.Extract;
using Readout.Fuse;
using Readout.Pipeline;
using Readout.Store;
using Xunit;

namespace Readout.Tests.Store;

/// <summary>Hand-built records and a throwaway database file.</summary>
internal static class StoreFixtures
{
    public static Interaction Interaction(
        string id, string date, InteractionMode mode = InteractionMode.Phone, InteractionStatus status = InteractionStatus.Happened,
        (string Name, string? Country)[]? participants = null, Location? location = null,
        string uri = "doc.txt", string hash = "h1", IReadOnlyList<Actor>? attendees = null) =>
        new(id, status, mode, date, DateBasis.Read("dateline"),
            (participants ?? [("Vladimir Putin", "RUS"), ("Recep Tayyip Erdoğan", "TUR")])
                .Select(p => new Actor(p.Name, p.Country, Office.HeadOfState)).ToList(),
            location,
            attendees ?? [new Actor("Sergei Lavrov", "RUS", Office.ForeignMinister)],
            [new SourceRef(uri, "A title", "2024-09-04", hash,
                [new EvidenceSpan(RecordField.Participants, 0, 20, "Putin spoke, Erdoğan"),
                    new EvidenceSpan(RecordField.Mode, 6, 11, "spoke")])]);

    public static DocumentResult Document(string hash, params Interaction[] interactions)
    {
        var raw = new RawDocument($"{hash}.txt", "Putin spoke, Erdoğan listened.", "text", hash);
        var clean = new CleanDocument(raw, "Putin spoke, Erdoğan listened.", new OffsetMap(), "A title",
            new PublicationDate(new DateOnly(2024, 9, 4), "meta", null), null);
        return new DocumentResult(clean, interactions);
    }

    /// <summary>
    /// A report as the pipeline would hand it over: its own clean text (so near-duplicate detection sees
    /// what it would see), and every interaction's source pointing at this report (uri and content hash).
    /// </summary>
    public static DocumentResult Report(string hash, string text, params Interaction[] interactions)
    {
        var uri = $"{hash}.txt";
        var raw = new RawDocument(uri, text, "text", hash);
        var clean = new CleanDocument(raw, text, new OffsetMap(), "A title",
            new PublicationDate(new DateOnly(2024, 9, 4), "meta", null), null);
        return new DocumentResult(clean,
            interactions.Select(i => i with { Sources = i.Sources.Select(s => s with { Uri = uri, ContentHash = hash }).ToList() }).ToList());
    }

    /// <summary>A report without interactions whose near-duplicate signature is given, not computed from its text.</summary>
    public static DocumentResult Signed(string hash, ulong[] signature) =>
        Report(hash, $"Report {hash}.") with { Signature = signature };

    /// <summary>The id the store gives to the record of this (single) report-level interaction.</summary>
    public static string RecordIdOf(Interaction i) => FusionEngine.RecordId(i.Status, FusionEngine.BlockKey(i), i.Date);

    /// <summary>Texts of separate, unrelated reports (no shared four-word shingle), so each is its own family.</summary>
    public static readonly string[] Texts =
    [
        "Moscow said on Friday that the two presidents discussed grain exports, the situation around the nuclear plant and prospects for a new round of talks in Istanbul before the winter.",
        "Ankara's readout described a long and frank conversation covering energy supplies, regional security, the Black Sea corridor and bilateral trade targets set for the coming years.",
        "According to officials in the capital, the leaders agreed to keep in close contact, instructed their ministers to prepare documents and exchanged greetings ahead of the holidays.",
        "State television reported the exchange late in the evening, quoting an aide who said both sides valued the personal rapport and wanted to avoid any escalation along the border.",
        "A spokesman told reporters that nothing had been signed, though negotiators would meet again soon to settle the outstanding questions about tariffs, visas and direct flights.",
    ];

    /// <summary>Texts[0] republished with its first word changed: a near-duplicate copy of the same story.</summary>
    public static readonly string Copy0 = "Kremlin" + Texts[0]["Moscow".Length..];
}

/// <summary>A database file in the temp folder, removed (with its WAL files) afterwards.</summary>
internal sealed class TempDb : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"readout-test-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(Path + suffix); } catch (IOException) { }
    }
}

/// <summary>
/// A fresh, empty database on one backend, removed afterwards: a SQLite file in the temp folder, or a
/// schema of its own in the PostgreSQL database that READOUT_TEST_POSTGRES names. Without that variable
/// a PostgreSQL test is skipped locally and fails in CI (CI=true), where the server must be there.
/// </summary>
internal abstract class TestDb : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The backends every store test runs on.</summary>
    public static TheoryData<string> Backends => new(Sqlite, Postgres);

    public static TestDb Create(string backend) => backend switch
    {
        Sqlite => new SqliteTestDb(),
        Postgres => new PostgresTestDb(),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "unknown backend"),
    };

    /// <summary>What --db would say for this database.</summary>
    public abstract string Db { get; }

    public IReadoutStore Open() => StoreFactory.Open(Db);

    /// <summary>Rows of a table, read through a connection of its own (what another process would see).</summary>
    public long Rows(string table) => Convert.ToInt64(Scalar($"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);

    public abstract object? Scalar(string sql);

    /// <summary>The first row of a query, read through a connection of its own.</summary>
    public abstract object?[] Row(string sql);

    public abstract void Exec(string sql);

    public abstract void Dispose();
}

internal sealed class SqliteTestDb : TestDb
{
    private readonly TempDb _file = new();
    public string Path => _file.Path;
    public override string Db => _file.Path;

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        c.Open();
        return c;
    }

    public override object? Scalar(string sql)
    {
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    public override object?[] Row(string sql)
    {
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read(), "no row: " + sql);
        return Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i)).ToArray();
    }

    public override void Exec(string sql)
    {
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public override void Dispose() => _file.Dispose();
}

internal sealed class PostgresTestDb : TestDb
{
    private readonly string _server;
    public string Schema { get; } = $"t_{Guid.NewGuid():N}";
    public override string Db { get; }

    public PostgresTestDb()
    {
        _server = ServerOrSkip();
        Db = new NpgsqlConnectionStringBuilder(_server) { SearchPath = Schema }.ConnectionString;
    }

    /// <summary>The server's connection string; skips the test locally when there is none, fails it in CI.</summary>
    public static string ServerOrSkip()
    {
        var cs = Environment.GetEnvironmentVariable("READOUT_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(cs)) return cs;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail("READOUT_TEST_POSTGRES is not set: in CI, .ci/run starts PostgreSQL (scripts/services/start-postgres.sh) and exports it");
        Assert.Skip("no PostgreSQL server: run scripts/services/start-postgres.sh and export READOUT_TEST_POSTGRES (source scripts/services/env.sh)");
        return "";
    }

    // a connection of its own each time, never a pooled one a server restart may have cut
    private NpgsqlConnection Connect()
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Db) { Pooling = false }.ConnectionString);
        c.Open();
        return c;
    }

    public override object? Scalar(string sql)
    {
        using var c = Connect();
        using var cmd = new NpgsqlCommand(sql, c);
        return cmd.ExecuteScalar();
    }

    public override object?[] Row(string sql)
    {
        using var c = Connect();
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read(), "no row: " + sql);
        return Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i)).ToArray();
    }

    public override void Exec(string sql)
    {
        using var c = Connect();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", c);
        cmd.ExecuteNonQuery();
    }
}
