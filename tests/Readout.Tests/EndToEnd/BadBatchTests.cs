using System.Text;
using Xunit;

namespace Readout.Tests.EndToEnd;

/// <summary>Issue 2, "Bad input", through the CLI: one line per bad file, the rest ingested, exit code 2.</summary>
public sealed class BadBatchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-batch-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void BadFilesAreReportedAndTheRestIsIngested()
    {
        var input = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(input, "good.txt"), "Readout test | 2019-05-16\n\nRussian President Vladimir Putin spoke by telephone with Turkish President Tayyip Erdogan on Tuesday.\n");
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(input, "binary.txt"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(input, "latin1.txt"), Encoding.Latin1.GetBytes("Pr\u00e9sident Macron"));
        using (var fs = File.Create(Path.Combine(input, "huge.txt"))) fs.SetLength(50L * 1024 * 1024);
        File.WriteAllText(Path.Combine(input, "nav-only.html"), "<html><body><nav>Home | World</nav><script>x()</script></body></html>");
        var db = Path.Combine(_dir, "batch.db");

        var run = CliRunner.Run("--db", db, "ingest", input, Path.Combine(_dir, "no-such-file.txt"));

        Assert.Equal(2, run.ExitCode);
        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (name, code) in new[] { ("empty.txt", "RO1002"), ("binary.txt", "RO1003"), ("latin1.txt", "RO1004"), ("huge.txt", "RO1005"), ("nav-only.html", "RO1007"), ("no-such-file.txt", "RO1009") })
            Assert.True(errors.Count(e => e.Contains(name) && e.Contains(code)) == 1, $"expected one {code} line naming {name} in:\n{run.Stderr}");
        Assert.Contains("1 new", run.Stdout);
        Assert.Contains("6 failed", run.Stdout);

        // only the good report is stored, with its interaction
        var export = CliRunner.Run("--db", db, "export", "--format", "csv");
        Assert.Equal(0, export.ExitCode);
        var rows = export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.Contains("2019-05-14", rows[1]);
        Assert.Contains("good.txt", rows[1]);
    }

    [Fact]
    public void StdinIsIngested()
    {
        var db = Path.Combine(_dir, "stdin.db");
        var run = CliRunner.RunWithInput("Wire | 2023-03-22\n\nChinese President Xi Jinping held talks with Russian President Vladimir Putin in Moscow on March 21.\n", "--db", db, "ingest", "-");
        Assert.Equal(0, run.ExitCode);
        var events = CliRunner.Run("--db", db, "events");
        Assert.Contains("2023-03-21", events.Stdout);
        Assert.Contains("Xi Jinping", events.Stdout);
    }
}
