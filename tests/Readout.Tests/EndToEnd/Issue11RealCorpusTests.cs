using static Readout.Tests.TestPipeline;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Readout.Tests.EndToEnd;

/// <summary>
/// Issue 11 acceptance, end to end on real text nobody here wrote: ingest ../shared/corpus/real (White House
/// readouts with silver gold from their titles, and briefing-room and wire documents with hand gold, most with no
/// interaction), export JSON Lines, score with the shared scorer at the issue's thresholds, and count the
/// negative documents (gold without any event) that get a false alarm.
/// </summary>
public sealed class Issue11RealCorpusTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-real-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Issue11_real_documents_meet_f1_day_and_mode_095_and_at_most_two_negative_documents_get_a_false_alarm()
    {
        var readouts = Shared("corpus", "real", "wh-readouts");
        var open = Shared("corpus", "real", "open");
        var db = Path.Combine(_dir, "real.db");
        var events = Path.Combine(_dir, "events.jsonl");
        var ingest = CliRunner.Run("--db", db, "ingest", Shared("corpus", "real"));
        Assert.True(ingest.ExitCode == 0, ingest.Stdout + ingest.Stderr);
        Assert.Equal(0, CliRunner.Run("--db", db, "export", "--format", "jsonl", "--out", events).ExitCode);

        var score = CliRunner.Python(Shared("tools", "score_events.py"), "--gold", readouts, "--gold", open, "--system", events, "-v",
            "--min-f1", "0.95", "--min-date", "0.95", "--min-mode", "0.95");
        TestContext.Current.SendDiagnosticMessage(score.Stdout.Split('\n').LastOrDefault(l => l.StartsWith("summary:", StringComparison.Ordinal)) ?? "");
        Assert.True(score.ExitCode == 0, "below the issue's thresholds:\n" + score.Stdout + score.Stderr);

        var negatives = Directory.EnumerateFiles(open, "*.gold.json").Where(f =>
        {
            using var gold = JsonDocument.Parse(File.ReadAllText(f));
            return gold.RootElement.GetProperty("events").GetArrayLength() == 0;
        }).Select(f => Path.GetFileName(f)[..^".gold.json".Length]).ToHashSet(StringComparer.Ordinal);
        Assert.True(negatives.Count >= 70, $"the open set holds its negative documents ({negatives.Count})");
        var alarmed = score.Stdout.Split('\n')
            .Select(l => Regex.Match(l, @"^FALSE\s+([^:]+?)(?:\.[a-z]+)?:"))
            .Where(m => m.Success && negatives.Contains(m.Groups[1].Value))
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(alarmed.Count <= 2, "negative documents with a false alarm: " + string.Join(", ", alarmed));
    }
}
