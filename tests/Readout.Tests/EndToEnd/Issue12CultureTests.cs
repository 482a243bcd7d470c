using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Readout.Ingest;
using Readout.Store;
using Xunit;

namespace Readout.Tests.EndToEnd;

/// <summary>Issue 12: the records are the same under any locale: a Thai locale once stored a 2023 meeting as 2566.</summary>
public sealed class Issue12CultureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-culture-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    private static string Corpus => TestPipeline.Shared("corpus", "dev");

    /// <summary>The pipeline itself, in this process, under other cultures: no call may depend on the current culture.</summary>
    [Theory]
    [InlineData("th-TH")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Issue12_ThePipelineGivesTheSameRecordsUnderAnotherCulture(string culture)
    {
        var reader = new InputReader();
        var docs = reader.Expand([Corpus], []).SelectMany(f => reader.ReadAll(f)).Where(i => i.Document is not null).Select(i => i.Document!).ToList();
        Assert.NotEmpty(docs);
        string Run()
        {
            using var store = new SqliteStore(":memory:");
            foreach (var d in docs) store.SaveDocument(TestPipeline.Instance.Process(d));
            var w = new StringWriter();
            Readout.Export.JsonlExporter.Write(store.Query(new InteractionFilter([], [], null, null, null, null)), w);
            Readout.Export.StatementExporter.WriteJsonl(store.Statements(), w);
            Readout.Export.FigureExporter.WriteJsonl(store.Figures(), w);
            return w.ToString();
        }
        var saved = CultureInfo.CurrentCulture;
        string invariant, other;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = Run();
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            other = Run();
        }
        finally { CultureInfo.CurrentCulture = saved; }
        Assert.Contains("\"date\":\"20", invariant);
        Assert.Equal(invariant, other);
    }

    /// <summary>The whole CLI, ingest to export, under LC_ALL=th_TH.UTF-8: byte for byte the same export.</summary>
    [Fact]
    public void Issue12_TheEndToEndExportIsIdenticalUnderAThaiLocale()
    {
        string Export(string? locale, string name)
        {
            var db = Path.Combine(_dir, name + ".db");
            var output = Path.Combine(_dir, name + ".jsonl");
            foreach (var args in new[] { new[] { "--db", db, "ingest", Corpus }, ["--db", db, "export", "--format", "jsonl", "--out", output] })
            {
                var psi = CliRunner.StartInfo(args);
                psi.RedirectStandardOutput = psi.RedirectStandardError = true;
                if (locale is not null) { psi.Environment["LC_ALL"] = locale; psi.Environment["LANG"] = locale; }
                using var p = Process.Start(psi)!;
                _ = p.StandardOutput.ReadToEndAsync();
                _ = p.StandardError.ReadToEndAsync();
                p.WaitForExit();
                Assert.True(p.ExitCode is 0 or 2, $"readout {string.Join(' ', args)} exited {p.ExitCode}");
            }
            return File.ReadAllText(output);
        }
        var plain = Export(null, "c");
        var thai = Export("th_TH.UTF-8", "th");
        Assert.Equal(plain, thai);
        Assert.DoesNotContain("\"date\":\"25", thai);
    }
}
