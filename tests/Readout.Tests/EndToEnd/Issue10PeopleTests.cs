using static Readout.Tests.TestPipeline;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Readout.Tests.EndToEnd;

/// <summary>
/// Issue 10 acceptance: the knowledge base is what its script makes from its sources, and on the White House
/// readouts of ../shared/corpus/real at least 98% of gold participants appear by name in the record matched to
/// their readout, with no bare title as a participant (scripts/score-people.py, the scorer's name matching).
/// </summary>
public sealed partial class Issue10PeopleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-people-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    [GeneratedRegex(@"participants by name in the matched record: (\d+)/(\d+)")]
    private static partial Regex ByName();

    [GeneratedRegex(@"bare titles as participants: (\d+)")]
    private static partial Regex BareTitles();

    [Fact]
    public void Issue10_people_tsv_is_what_build_people_makes_from_the_sources_and_corrections()
    {
        var check = CliRunner.Python(Path.Combine(RepoRoot, "scripts", "build-people.py"), "--check");
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
    }

    [Fact]
    public void Issue10_at_least_98_percent_of_gold_participants_are_named_and_none_is_a_bare_title()
    {
        var readouts = Shared("corpus", "real", "wh-readouts");
        var db = Path.Combine(_dir, "wh.db");
        var events = Path.Combine(_dir, "events.jsonl");
        var ingest = CliRunner.Run("--db", db, "ingest", readouts);
        Assert.True(ingest.ExitCode == 0, ingest.Stdout + ingest.Stderr);
        Assert.Equal(0, CliRunner.Run("--db", db, "export", "--format", "jsonl", "--out", events).ExitCode);

        var score = CliRunner.Python(Path.Combine(RepoRoot, "scripts", "score-people.py"), "--gold", readouts, "--system", events, "-v");
        Assert.True(score.ExitCode == 0, score.Stdout + score.Stderr);
        var named = ByName().Match(score.Stdout);
        Assert.True(named.Success, score.Stdout);
        var found = int.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture);
        var gold = int.Parse(named.Groups[2].Value, CultureInfo.InvariantCulture);
        TestContext.Current.SendDiagnosticMessage($"participants by name: {found}/{gold}");
        Assert.True(gold >= 800, $"the readouts hold their gold participants ({gold})");
        Assert.True(found >= 0.98 * gold, $"{found}/{gold} gold participants named:\n{score.Stdout}");
        Assert.Equal("0", BareTitles().Match(score.Stdout).Groups[1].Value);
    }
}
