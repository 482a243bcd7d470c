using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Readout.Tests.EndToEnd;

/// <summary>Issue 12 through the CLI: honest exits, read commands that never write, report text kept from the terminal.</summary>
public sealed class Issue12CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-honest-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    private const string Report = "{\"title\":\"\\u001b]52;c;ZXZpbA==\\u0007Call \\u001b[31mred\",\"text\":\"President Biden spoke by phone with President Xi Jinping on 3 May 2021.\\u001b]8;;http://evil\\u001b\\\\ They discussed trade.\"}\n";

    private string Db(string name = "r.db")
    {
        var db = Path.Combine(_dir, name);
        var input = Path.Combine(_dir, "in.jsonl");
        File.WriteAllText(input, Report);
        Assert.Equal(0, CliRunner.Run("--db", db, "ingest", input).ExitCode);
        return db;
    }

    [Fact]
    public void Issue12_AStoreThatCannotBeWrittenStopsTheRunWithOneError()
    {
        var db = Db();
        using (var c = new SqliteConnection($"Data Source={db};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TRIGGER full_disk BEFORE INSERT ON documents BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;";
            cmd.ExecuteNonQuery();
        }
        var input = Directory.CreateDirectory(Path.Combine(_dir, "many")).FullName;
        for (var i = 0; i < 5; i++) File.WriteAllText(Path.Combine(input, $"r{i}.txt"), $"President Biden spoke by phone with President Macron on {i + 1} June 2021.");

        var run = CliRunner.Run("--db", db, "ingest", input);

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Stderr.Split('\n'), l => l.StartsWith("error RO2001", StringComparison.Ordinal));
        Assert.Contains("stopped", run.Stderr);
    }

    [Fact]
    public void Issue12_ExportToAFullDiskIsNeverExitZero()
    {
        var db = Db();
        var psi = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"{CliRunner.ShellCommand} --db '{db}' export --format jsonl > /dev/full");
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(1, p.ExitCode);
        Assert.Contains("RO3003", stderr);

        var file = CliRunner.Run("--db", db, "export", "--format", "csv", "--out", "/dev/full");
        Assert.Equal(1, file.ExitCode);
    }

    [Fact]
    public void Issue12_ReadCommandsNeverCreateOrAlterADatabase()
    {
        var empty = Path.Combine(_dir, "empty.db");
        File.WriteAllBytes(empty, []);
        var foreign = Path.Combine(_dir, "foreign.db");
        using (var c = new SqliteConnection($"Data Source={foreign};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('mine');";
            cmd.ExecuteNonQuery();
        }
        var before = SHA256.HashData(File.ReadAllBytes(foreign));
        foreach (var db in new[] { empty, foreign })
            foreach (var args in new[] { new[] { "events" }, ["show", "rec-1"], ["sources", "rec-1"], ["export", "--format", "jsonl"] })
            {
                var run = CliRunner.Run(["--db", db, .. args]);
                Assert.Equal(1, run.ExitCode);
                Assert.Contains("RO2003", run.Stderr);
            }
        Assert.Equal(0, new FileInfo(empty).Length);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(foreign)));
        Assert.False(File.Exists(empty + "-wal"));
    }

    [Fact]
    public void Issue12_CtrlCDuringALongDocumentTakesEffectWithinASecond()
    {
        // one line of 3 MB: the slowest kind of document the fuzzer found (tens of seconds of work)
        var sentence = "President Biden spoke by phone with President Xi Jinping, Mr. Blinken and Wang Yi of China on 3 May 2021 about trade; ";
        var slow = Path.Combine(_dir, "slow.txt");
        File.WriteAllText(slow, string.Concat(Enumerable.Repeat(sentence, 3_000_000 / sentence.Length)));
        var psi = CliRunner.StartInfo("--db", Path.Combine(_dir, "slow.db"), "ingest", slow);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        Assert.False(p.WaitForExit(TimeSpan.FromSeconds(4)), "the document should still be in the pipeline");
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        var exited = p.WaitForExit(TimeSpan.FromSeconds(10));
        var took = watch.Elapsed;
        Assert.True(exited);
        Assert.Equal(130, p.ExitCode);
        Assert.True(took < TimeSpan.FromSeconds(1), $"Ctrl+C took {took.TotalSeconds:F2} s");
        Assert.Contains("0 new", stdout.Result);
    }

    [Fact]
    public void Issue12_ReportTextNeverReachesTheTerminalRaw()
    {
        var db = Db();
        var id = CliRunner.Run("--db", db, "export", "--format", "csv").Stdout.Split('\n')[1].Split(',')[0];
        foreach (var command in new[] { "show", "sources" })
        {
            var run = CliRunner.Run("--db", db, command, id);
            Assert.Equal(0, run.ExitCode);
            Assert.DoesNotContain('\u001b', run.Stdout);
            Assert.DoesNotContain('\u0007', run.Stdout);
        }
        Assert.Contains("␛]52;c;ZXZpbA==␇", CliRunner.Run("--db", db, "sources", id).Stdout);
    }
}
