using Readout.Documents;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// Issue 12: a sentence that lies inside a transcript turn's label ("MS." of "MS. PSAKI:", split at its period)
/// failed the statement step with RO9000 (a negative length) on a White House briefing of ../shared/corpus/bulk
/// (whitehouse.jsonl.gz, line 207).
/// </summary>
public sealed class TurnLabelSentenceTests
{
    [Fact]
    public void Issue12_the_briefing_whose_turn_label_failed_the_statement_step_gives_well_formed_statements()
    {
        var bulk = TestPipeline.Shared("corpus", "bulk", "whitehouse.jsonl.gz");
        Assert.True(File.Exists(bulk), "the shared corpus is expected beside the repository at " + bulk);
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(bulk), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        string? line = null;
        for (var n = 1; n <= 207; n++) line = reader.ReadLine();
        using var json = System.Text.Json.JsonDocument.Parse(line!);
        var root = json.RootElement;
        var text = root.GetProperty("text").GetString()!;
        var raw = new RawDocument("whitehouse.jsonl.gz#L207", text, "text", InputReader.Hash(text),
            Title: root.GetProperty("title").GetString(), Published: root.GetProperty("published").GetString());

        var result = TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken);
        var clean = result.Document.Text;
        Assert.NotEmpty(result.Statements);
        Assert.All(result.Statements, s =>
        {
            Assert.True(s.Start < s.End, $"{s.Id}: empty or reversed span");
            Assert.Equal(clean[s.Start..s.End], s.Text);
        });
    }
}
