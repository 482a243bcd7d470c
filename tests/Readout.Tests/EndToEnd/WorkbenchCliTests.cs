using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using static Readout.Tests.TestPipeline;

namespace Readout.Tests.EndToEnd;

/// <summary>
/// Issue 15 through the CLI on the seeds and dev reports: the scripting options, review from the command line
/// surviving a re-ingest of the same reports, and the exports loaded by the README's pandas and R examples.
/// </summary>
public sealed class WorkbenchCliTests(StatementExportTests.CorpusDb corpus) : IClassFixture<StatementExportTests.CorpusDb>
{
    private readonly StatementExportTests.CorpusDb _corpus = corpus;

    private CliRunner.Result Ok(params string[] args)
    {
        var run = CliRunner.Run(["--db", _corpus.Db, .. args]);
        Assert.True(run.ExitCode == 0, $"readout {string.Join(' ', args)}: {run.Stderr}");
        return run;
    }

    private static List<JsonElement> Json(CliRunner.Result run) => JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList();

    [Fact]
    public void Issue15_listing_commands_take_format_and_limit_enum_values_in_any_case_and_one_status_default()
    {
        var phones = Json(Ok("events", "--mode", "Phone", "--format", "JSON", "--limit", "2"));
        Assert.Equal(2, phones.Count);
        Assert.All(phones, p => Assert.Equal("phone", p.GetProperty("mode").GetString()));
        Assert.Equal(Json(Ok("events", "-f", "json")).Count, Json(Ok("events", "--status", "ALL", "-f", "json")).Count);
        Assert.Contains(Json(Ok("events", "-f", "json")), r => r.GetProperty("status").GetString() == "planned");   // all, as on the web
        Assert.Equal(Json(Ok("events", "-f", "json", "-m", "in-person")).Count, Json(Ok("events", "-f", "json", "-m", "in_person")).Count);

        // CSV: one line per record, whatever the text holds
        var csv = Ok("events", "--format", "csv").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Json(Ok("events", "-f", "json")).Count + 1, csv.Length);
        Assert.StartsWith("id,date,status,mode,actor1_name,actor1_country,actor1_role,", csv[0]);
        Assert.Contains(",actor2_name,actor2_country,actor2_role,", csv[0]);
        // the table keeps one line per record too
        var table = Ok("events", "-n", "3").Stdout.Split('\n').Where(l => l.Contains("rec-")).ToList();
        Assert.Equal(3, table.Count);

        var id = phones[0].GetProperty("id").GetString()!;
        var sources = Json(Ok("sources", id, "--format", "json"));
        Assert.Equal(id, sources[0].GetProperty("record").GetString());
        Assert.Equal(id, JsonDocument.Parse(Ok("show", id, "-f", "json").Stdout).RootElement[0].GetProperty("id").GetString());
        Assert.Equal(2, Ok("show", id, "-f", "csv").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // a usage error is a short message, not the help
        var bad = CliRunner.Run("--db", _corpus.Db, "events", "--mode", "fax");
        Assert.Equal(1, bad.ExitCode);
        var lines = bad.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error RO0010 readout events: --mode takes phone, video, in_person, written, not 'fax'", lines[0]);
        Assert.Equal("see 'readout events --help'", lines[1]);
        Assert.Equal(1, CliRunner.Run("--db", _corpus.Db, "events", "--limit", "0").ExitCode);
        // --db is offered by commands that use it, not by the others
        Assert.Contains("--db", CliRunner.Run("events", "--help").Stdout);
        Assert.DoesNotContain("--db", CliRunner.Run("code", "--help").Stdout);
    }

    [Fact]
    public void Issue15_a_review_from_the_cli_shows_in_show_events_the_export_and_the_trail_and_survives_a_reingest()
    {
        var dir = Directory.CreateTempSubdirectory("readout-rv-").FullName;
        try
        {
            var db = Path.Combine(dir, "r.db");
            File.Copy(_corpus.Db, db);
            CliRunner.Result Run(params string[] args) => CliRunner.Run(["--db", db, .. args]);
            var record = Json(Run("events", "-m", "phone", "-c", "CHN", "-f", "json"))[0];
            var id = record.GetProperty("id").GetString()!;
            var corrected = Run("review", "correct", id[..10], "mode", "video", "--reason", "the readout says video", "--reviewer", "Ana");
            Assert.Equal(0, corrected.ExitCode);
            Assert.Matches(@"^#\d+ \S+ Ana corrected mode of rec-\w+: phone → video \(the readout says video\)", corrected.Stdout);
            var refused = Run("review", "correct", id, "date", "tomorrow", "--reason", "x", "--reviewer", "Ana");
            Assert.Equal(1, refused.ExitCode);
            Assert.StartsWith("error RO3004", refused.Stderr);
            Assert.NotEqual(0, Run("review", "correct", id, "mode", "phone", "--reviewer", "Ana").ExitCode);   // no reason

            var show = Run("show", id).Stdout;
            Assert.Contains("mode:         video  [set by a reviewer; the machine read: phone]", show);
            Assert.Contains("Ana corrected mode", show);
            var row = Run("export", "--format", "csv", "-m", "video").Stdout.Split('\n').Single(l => l.StartsWith(id, StringComparison.Ordinal));
            Assert.Contains(",reviewed,mode,", row);
            Assert.Contains(Json(Run("review", "trail", "-f", "json")), e => e.GetProperty("after").GetString() == "video");

            var other = Json(Run("events", "-c", "USA", "-f", "json"))[0].GetProperty("id").GetString()!;
            Assert.Equal(0, Run("review", "reject", other, "-r", "not a meeting", "--reviewer", "Ana").ExitCode);
            Assert.DoesNotContain(Json(Run("events", "-f", "json")), r => r.GetProperty("id").GetString() == other);
            Assert.Single(Json(Run("events", "--review", "rejected", "-f", "json")));
            Assert.DoesNotContain(other, Run("export", "--format", "jsonl").Stdout);
            var queue = Json(Run("review", "queue", "-f", "json", "-n", "100"));
            Assert.DoesNotContain(queue, q => q.GetProperty("id").GetString() is var x && (x == id || x == other));

            // the same reports again: nothing new is stored, and the review is still applied
            var again = Run("ingest", Shared("corpus", "seeds"), Shared("corpus", "dev"));
            Assert.Contains("0 new", again.Stdout);
            Assert.Contains("mode:         video  [set by a reviewer", Run("show", id).Stdout);
            Assert.Single(Json(Run("events", "--review", "rejected", "-f", "json")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    /// <summary>The fenced block after <c>&lt;!-- example: NAME --&gt;</c> in the README.</summary>
    private static string ReadmeExample(string name)
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot, "README.md"));
        var m = Regex.Match(readme, $@"<!-- example: {name} -->\s*```\w*\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(m.Success, $"no {name} example in the README");
        return m.Groups["code"].Value;
    }

    private static (int Exit, string Out, string Err) Run(string exe, string dir, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>An interpreter that is there (and, for Python, has pandas); skipped locally and failed in CI without one.</summary>
    private static string Require(string what, params string[] candidates)
    {
        foreach (var c in candidates)
        {
            if (!File.Exists(c)) continue;
            if (what != "pandas" || Run(c, Path.GetTempPath(), "-c", "import pandas").Exit == 0) return c;
        }
        var reason = $"{what} is not installed ({string.Join(", ", candidates)}); scripts/setup.sh --tests installs it";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
        Assert.Skip(reason);
        return "";
    }

    [Fact]
    public void Issue15_the_exports_load_in_pandas_and_r_without_arguments_as_the_readme_shows()
    {
        var dir = Directory.CreateTempSubdirectory("readout-load-").FullName;
        try
        {
            Ok("export", "--format", "csv", "--out", Path.Combine(dir, "interactions.csv"));
            Ok("export", "--format", "gdelt", "--out", Path.Combine(dir, "events.tsv"));
            var records = Json(Ok("events", "-f", "json"));
            var expected = $"{records.Count} {records.Sum(r => r.GetProperty("sources").GetArrayLength())} {records.Count(r => r.GetProperty("date").ValueKind == JsonValueKind.String)}";
            var events = File.ReadAllLines(Path.Combine(dir, "events.tsv")).Length - 1;
            Assert.True(events > records.Count);

            // each example prints the records, their sources and dated records, then the events, the id column's type and the rows without a date
            foreach (var (example, file, interpreter, idType) in new[]
            {
                ("pandas", "load.py", Require("pandas", "/usr/bin/python3"), "int64"),
                ("R", "load.R", Require("R", "/usr/bin/Rscript"), "numeric"),
            })
            {
                File.WriteAllText(Path.Combine(dir, file), ReadmeExample(example));
                var run = Run(interpreter, dir, file);
                Assert.True(run.Exit == 0, example + ": " + run.Err);
                var lines = run.Out.Split('\n');
                Assert.Equal(expected, lines[0].Trim());
                Assert.Equal($"{events} {idType} 0", lines[1].Trim());
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
