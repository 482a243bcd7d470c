using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Readout.Ingest;
using Readout.Server;
using Readout.Store;
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
            foreach (var file in Directory.EnumerateFiles(Shared("corpus", folder)).Where(f => f.EndsWith(".txt") || f.EndsWith(".html")).Order(StringComparer.Ordinal))
                foreach (var raw in reader.Read(file))
                    store.SaveDocument(Instance.Process(raw));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}

/// <summary>The server over a store of the seeds and dev reports, on the ASP.NET test host.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key-0123456789";
    private CorpusStore? _store;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;
    public string DatabasePath => _store!.Path;

    public async ValueTask InitializeAsync()
    {
        _store = new CorpusStore("seeds", "dev");
        _app = ReadoutServer.Build(new ReadoutServerOptions { DatabasePath = _store.Path, ApiKey = ApiKey }, b => b.WebHost.UseTestServer());
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        _store?.Dispose();
    }
}
