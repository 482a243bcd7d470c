using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Readout.Ingest;
using Readout.Server;
using Readout.Store;
using Readout.Tests.Store;
using Xunit;
using static Readout.Tests.TestPipeline;

namespace Readout.Tests.Server;

/// <summary>A database in a temporary folder filled from the evaluation corpus through the real pipeline and store.</summary>
internal sealed class CorpusStore : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-server-").FullName;

    public string Path { get; }

    public CorpusStore(params string[] corpusFolders)
    {
        Path = System.IO.Path.Combine(_dir, "readout.db");
        using var store = new SqliteStore(Path);
        var reader = new InputReader();
        foreach (var folder in corpusFolders)
            foreach (var file in Directory.EnumerateFiles(Shared("corpus", folder)).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                foreach (var raw in reader.Read(file))
                    store.SaveDocument(Instance.Process(raw));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}

/// <summary>
/// The server over a store of the seeds and dev reports, on the ASP.NET test host, on one backend: a
/// SQLite file, or a schema of its own on the PostgreSQL server READOUT_TEST_POSTGRES names. Without that
/// server the PostgreSQL fixture builds nothing and its tests skip locally, and fail in CI (CI=true).
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key-0123456789";
    private TestDb? _db;
    private WebApplication? _app;

    protected abstract string Backend { get; }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The options the server writes its answers with: its own, from its services.</summary>
    public JsonSerializerOptions ServerJson => _app!.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    /// <summary>What --db would say for the fixture's database.</summary>
    public string Db => _db!.Db;

    /// <summary>Called first by every test: skips (locally) or fails (in CI) when the backend has no server.</summary>
    public void EnsureAvailable()
    {
        if (Backend == TestDb.Postgres) PostgresTestDb.ServerOrSkip();
    }

    public async ValueTask InitializeAsync()
    {
        if (Backend == TestDb.Postgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("READOUT_TEST_POSTGRES"))) return;
        _db = TestDb.Create(Backend);
        using (var store = _db.Open())
        {
            var reader = new InputReader();
            foreach (var folder in new[] { "seeds", "dev" })
                foreach (var file in Directory.EnumerateFiles(Shared("corpus", folder)).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                    foreach (var raw in reader.Read(file))
                        store.SaveDocument(Instance.Process(raw));
        }
        _app = ReadoutServer.Build(new ReadoutServerOptions { DatabasePath = _db.Db, ApiKey = ApiKey }, b => b.WebHost.UseTestServer());
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApiFixture : ApiFixture
{
    protected override string Backend => TestDb.Sqlite;
}

public sealed class PostgresApiFixture : ApiFixture
{
    protected override string Backend => TestDb.Postgres;
}
