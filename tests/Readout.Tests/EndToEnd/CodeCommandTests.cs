using System.Text.Json;
using Xunit;

namespace Readout.Tests.EndToEnd;

/// <summary><c>readout code</c>: one JSON line per coded event, with codes, actors, evidence and basis.</summary>
public sealed class CodeCommandTests
{
    [Fact]
    public void Codes_a_report_from_stdin_as_JSON_lines()
    {
        const string report = "Chadian troops shelled rebel positions on Monday.\n\nDid Serbia attack Kosovo last year?\n\nNorway imposed new sanctions on Belarus.\n";
        var run = CliRunner.RunWithInput(report, "code", "-");
        Assert.True(run.ExitCode == 0, run.Stderr);

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var e = first.RootElement;
        Assert.Equal("stdin", e.GetProperty("uri").GetString());
        Assert.Equal("194", e.GetProperty("cameo").GetString());
        Assert.Equal(4, e.GetProperty("quad_class").GetInt32());
        Assert.Equal("TCDMIL", e.GetProperty("source").GetProperty("code").GetString());
        Assert.Equal("shelled", e.GetProperty("evidence").GetProperty("text").GetString());
        Assert.Contains("194", e.GetProperty("basis").GetString(), StringComparison.Ordinal);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("163", second.RootElement.GetProperty("cameo").GetString());
        Assert.Equal("BLR", second.RootElement.GetProperty("target").GetProperty("code").GetString());
    }

    [Fact]
    public void A_missing_file_is_reported_and_the_exit_code_says_so()
    {
        var run = CliRunner.Run("code", Path.Combine(Path.GetTempPath(), "readout-no-such-file.txt"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("RO", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("readout-no-such-file.txt", run.Stderr, StringComparison.Ordinal);
    }
}
