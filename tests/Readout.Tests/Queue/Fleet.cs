using System.Diagnostics;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using Readout.Evaluation;
using Readout.Lexicons;
using Readout.Queue;
using Readout.Tests.EndToEnd;
using Readout.Tests.Store;
using Xunit;

namespace Readout.Tests.Queue;

/// <summary>
/// The tests that start worker processes or restart the shared PostgreSQL and RabbitMQ servers run alone,
/// after the others, so a restart never cuts off another test's connection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FleetCollection
{
    public const string Name = "worker fleet (restarts the servers)";
}

/// <summary>A RabbitMQ work queue of its own (and its dead-letter queue) on the test broker, deleted afterwards.</summary>
internal sealed class TestQueue : IAsyncDisposable
{
    public string Amqp { get; }
    public string Name { get; } = $"test.{Guid.NewGuid():N}";
    public string DeadLetter => ReportQueue.DeadLetterName(Name);

    private TestQueue(string amqp) => Amqp = amqp;

    /// <summary>The broker's address; skips the test locally when there is none, fails it in CI.</summary>
    public static TestQueue Create()
    {
        var amqp = Environment.GetEnvironmentVariable("READOUT_TEST_AMQP");
        if (string.IsNullOrWhiteSpace(amqp))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail("READOUT_TEST_AMQP is not set: in CI, .ci/run starts RabbitMQ (scripts/services/start-rabbitmq.sh) and exports it");
            Assert.Skip("no RabbitMQ broker: run scripts/services/start-rabbitmq.sh and export READOUT_TEST_AMQP (source scripts/services/env.sh)");
        }
        return new TestQueue(amqp!);
    }

    private async Task<T> WithChannel<T>(Func<IChannel, Task<T>> work)
    {
        var factory = ReportQueue.Factory(Amqp, "readout-tests");
        await using var c = await factory.CreateConnectionAsync();
        await using var ch = await c.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await ReportQueue.DeclareAsync(ch, Name, CancellationToken.None);
        return await work(ch);
    }

    public Task<uint> CountAsync(string queue) => WithChannel(async ch => (await ch.QueueDeclarePassiveAsync(queue)).MessageCount);

    /// <summary>Publishes a body as it is (for messages that are not reports).</summary>
    public Task PublishRawAsync(byte[] body, string messageId) => WithChannel(async ch =>
    {
        await ch.BasicPublishAsync("", Name, false, new BasicProperties { Persistent = true, MessageId = messageId }, body);
        return true;
    });

    /// <summary>Takes every message off the dead-letter queue: its id, attempts and error.</summary>
    public Task<List<(string? Id, int Attempts, string? Error)>> DrainDeadLettersAsync() => WithChannel(async ch =>
    {
        var list = new List<(string?, int, string?)>();
        while (await ch.BasicGetAsync(DeadLetter, autoAck: true) is { } m)
            list.Add((m.BasicProperties.MessageId, ReportQueue.HeaderInt(m.BasicProperties, ReportQueue.AttemptsHeader), ReportQueue.HeaderString(m.BasicProperties, ReportQueue.ErrorHeader)));
        return list;
    });

    public async ValueTask DisposeAsync()
    {
        var factory = ReportQueue.Factory(Amqp, "readout-tests");
        await using var c = await factory.CreateConnectionAsync();
        await using var ch = await c.CreateChannelAsync();
        await ch.QueueDeleteAsync(Name, false, false);
        await ch.QueueDeleteAsync(DeadLetter, false, false);
    }
}

/// <summary>A real <c>readout worker</c> process (the CLI <see cref="Readout.Tests.EndToEnd.CliRunner"/> runs).</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new(), _err = new();

    public WorkerProcess(string db, TestQueue queue, double idleSeconds = 3)
    {
        var psi = Readout.Tests.EndToEnd.CliRunner.StartInfo("worker", "--db", db, "--queue", queue.Amqp,
            "--queue-name", queue.Name, "--exit-when-idle", idleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        _process = new Process { StartInfo = psi };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_err) _err.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_out) lock (_err) return _out + "\n" + _err; } }

    /// <summary>kill -9: no chance to close connections or roll anything back.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { _process.Kill(true); Assert.Fail($"the worker did not finish within {timeout}: {Output}"); }
        _process.WaitForExit();   // drains the output
        return _process.ExitCode;
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) _process.Kill(true);
        _process.Dispose();
    }
}

internal static class Fleet
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    /// <summary>Generated reports (several outlets per interaction, copies among them) as a .jsonl file.</summary>
    public static string GeneratedReports(string folder, int count, int seed)
    {
        var path = Path.Combine(folder, $"generated-{seed}.jsonl");
        var generator = new ReportGenerator(LexiconLoader.LoadEmbedded(), seed);
        File.WriteAllLines(path, generator.Generate(count, $"gen{seed}").Select(d => JsonSerializer.Serialize(new { url = "https://example.test/" + d.Uri, text = d.Content })));
        return path;
    }

    /// <summary>Runs a CLI command and fails the test, with its output, unless it succeeds.</summary>
    public static CliRunner.Result Cli(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 0, $"readout {string.Join(' ', args)} exited {r.ExitCode}:\n{r.Stdout}\n{r.Stderr}");
        return r;
    }

    /// <summary>The JSON Lines export of every record in a database, one string per record.</summary>
    public static string[] Export(string db, string folder)
    {
        var file = Path.Combine(folder, $"export-{Guid.NewGuid():N}.jsonl");
        Cli("--db", db, "export", "--format", "jsonl", "--status", "all", "--out", file);
        return File.ReadAllLines(file);
    }

    /// <summary>What one process ingesting into SQLite makes of the inputs: the reference every fleet run must match.</summary>
    public static (string[] Export, int Documents) SingleProcessReference(string folder, params string[] inputs)
    {
        var db = Path.Combine(folder, "reference.db");
        Cli(["--db", db, "ingest", .. inputs]);
        using var store = new Readout.Store.SqliteStore(db);
        return (Export(db, folder), store.Counts().Documents);
    }

    /// <summary>A PostgreSQL schema of its own with Readout's tables already in it (so it can be watched before any worker starts).</summary>
    public static TestDb FreshDatabase()
    {
        var db = TestDb.Create(TestDb.Postgres);
        db.Open().Dispose();
        return db;
    }

    public static int Documents(TestDb db) => (int)db.Rows("documents");

    /// <summary>Waits until the fleet has stored at least <paramref name="n"/> reports.</summary>
    public static async Task WaitForDocumentsAsync(TestDb db, int n)
    {
        var until = DateTime.UtcNow + Patience;
        while (Documents(db) < n)
        {
            Assert.True(DateTime.UtcNow < until, $"fewer than {n} reports stored after {Patience}");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs a script under scripts/services (stop or start a server) and fails the test if it fails.</summary>
    public static void Service(string script)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(TestPipeline.RepoRoot, "scripts", "services", script));
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), script + " did not finish");
        Assert.True(p.ExitCode == 0, $"{script} failed: {o.Result}{e.Result}");
    }
}
