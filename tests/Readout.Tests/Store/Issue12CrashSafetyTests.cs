using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Readout.Tests.EndToEnd;
using Xunit;

namespace Readout.Tests.Store;

/// <summary>
/// Issue 12: an ingest killed with SIGKILL and resumed gives exactly the records, statements and figures of
/// an uninterrupted run, with PRAGMA integrity_check ok. The short version for CI (three points over the
/// White House readouts); scripts/crash-test.sh runs twenty over three thousand documents.
/// </summary>
public sealed class Issue12CrashSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-crash-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    private static string Snapshot(string db)
    {
        var parts = new[] { "interactions", "statements", "figures" }.SelectMany(what =>
        {
            var run = CliRunner.Run("--db", db, "export", "--format", "jsonl", "--what", what);
            Assert.Equal(0, run.ExitCode);
            return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        });
        return string.Join('\n', parts.Order(StringComparer.Ordinal));
    }

    private static string Integrity(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return (string)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void Issue12_AnIngestKilledAndResumedEqualsAnUninterruptedOne()
    {
        var input = TestPipeline.Shared("corpus", "real", "wh-readouts");
        var clean = Path.Combine(_dir, "clean.db");
        var watch = Stopwatch.StartNew();
        Assert.True(CliRunner.Run("--db", clean, "ingest", input).ExitCode is 0 or 2);
        var full = watch.Elapsed;
        var reference = Snapshot(clean);
        Assert.Contains("\"id\":\"rec-", reference);

        var rng = new Random(12);
        for (var point = 0; point < 3; point++)
        {
            var db = Path.Combine(_dir, $"killed-{point}.db");
            var psi = CliRunner.StartInfo("--db", db, "ingest", input);
            psi.RedirectStandardOutput = psi.RedirectStandardError = true;
            using (var p = Process.Start(psi)!)
            {
                _ = p.StandardOutput.ReadToEndAsync();
                _ = p.StandardError.ReadToEndAsync();
                var delay = TimeSpan.FromSeconds(0.5 + rng.NextDouble() * Math.Max(0.5, full.TotalSeconds * 0.8));
                if (!p.WaitForExit(delay)) p.Kill();   // SIGKILL: no chance to roll back or close the file
                p.WaitForExit();
            }
            Assert.True(CliRunner.Run("--db", db, "ingest", input).ExitCode is 0 or 2);
            Assert.Equal("ok", Integrity(db));
            Assert.Equal(reference, Snapshot(db));
        }
    }
}
