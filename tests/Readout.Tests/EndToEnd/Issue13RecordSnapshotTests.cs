using static Readout.Tests.TestPipeline;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Readout.Tests.EndToEnd;

/// <summary>
/// Issue 13 acceptance: making ingest faster (parallel workers, batched writes, incremental fusion) must not
/// change a single record. The records of seeds + dev and of ../shared/corpus/real, ingested by the CLI and
/// exported, are compared with snapshots taken from the code before the work began: one TSV line per record
/// (id, status, date, mode, participants, place, attendees, sources, source families, confidence), compact so that a branch that changes
/// extraction on purpose can regenerate them with <c>scripts/snapshot-records.sh</c> and show the difference
/// in its diff. Set READOUT_UPDATE_SNAPSHOTS=1 to write the snapshots instead of comparing.
/// </summary>
public sealed class Issue13RecordSnapshotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-snap-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    public static string SnapshotPath(string name) => Path.Combine(RepoRoot, "tests", "Readout.Tests", "EndToEnd", "Snapshots", name);

    [Fact]
    public void Issue13_records_of_seeds_and_dev_are_unchanged() =>
        Check("issue13-seeds-dev.tsv", Shared("corpus", "seeds"), Shared("corpus", "dev"));

    [Fact]
    public void Issue13_records_of_the_real_corpus_are_unchanged() =>
        Check("issue13-real.tsv", Shared("corpus", "real"));

    private void Check(string snapshot, params string[] inputs)
    {
        var db = Path.Combine(_dir, "snap.db");
        var events = Path.Combine(_dir, "events.jsonl");
        var ingest = CliRunner.Run(["--db", db, "ingest", .. inputs]);
        Assert.True(ingest.ExitCode == 0, ingest.Stdout + ingest.Stderr);
        var export = CliRunner.Run("--db", db, "export", "--format", "jsonl", "--out", events);
        Assert.True(export.ExitCode == 0, export.Stdout + export.Stderr);
        var actual = Tsv(File.ReadLines(events));
        Assert.True(actual.Count > 0, "the export holds records");

        var path = SnapshotPath(snapshot);
        if (Environment.GetEnvironmentVariable("READOUT_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Concat(actual.Select(l => l + "\n")), new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing: run scripts/snapshot-records.sh");
        var expected = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            $"records differ from {snapshot} ({expected.Count} expected, {actual.Count} now):\n"
            + string.Join("\n", missing.Take(20).Select(l => "- " + l)) + "\n" + string.Join("\n", extra.Take(20).Select(l => "+ " + l))
            + "\n(if the change is intended, run scripts/snapshot-records.sh and commit the snapshots)");
    }

    /// <summary>One line per exported record, in the export's order, tab-separated.</summary>
    public static List<string> Tsv(IEnumerable<string> jsonLines)
    {
        var lines = new List<string>();
        foreach (var line in jsonLines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string S(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            string Actors(string name) => r.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
                ? string.Join("; ", list.EnumerateArray().Select(a => $"{S(a, "name")} ({S(a, "country")}{(S(a, "role") is { Length: > 0 } role ? ", " + role : "")})"))
                : "";
            var place = r.TryGetProperty("location", out var loc) && loc.ValueKind == JsonValueKind.Object
                ? string.Join(", ", new[] { S(loc, "venue"), S(loc, "city"), S(loc, "country") })
                : "";
            var sources = r.TryGetProperty("sources", out var src) && src.ValueKind == JsonValueKind.Array
                ? string.Join(" ", src.EnumerateArray().Select(s => Path.GetFileName(S(s, "uri"))).Order(StringComparer.Ordinal))
                : "";
            var confidence = r.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number
                ? c.GetDouble().ToString("0.###", CultureInfo.InvariantCulture)
                : "";
            var families = r.TryGetProperty("source_families", out var fam) && fam.ValueKind == JsonValueKind.Number ? fam.GetInt32().ToString(CultureInfo.InvariantCulture) : "";
            lines.Add(string.Join('\t', S(r, "id"), S(r, "status"), S(r, "date"), S(r, "mode"), Actors("participants"), place, Actors("attendees"), sources, families, confidence)
                .Replace('\n', ' ').Replace('\r', ' '));
        }
        return lines;
    }
}
