using System.Text.Json;
using Xunit;

namespace Readout.Tests.EndToEnd;

/// <summary>Issue 11: every record carries a confidence from its evidence, and --min-confidence keeps the records at or above it.</summary>
public sealed class Issue11ConfidenceCliTests(StatementExportTests.CorpusDb corpus) : IClassFixture<StatementExportTests.CorpusDb>
{
    private List<JsonElement> Events(params string[] args)
    {
        var run = CliRunner.Run(["--db", corpus.Db, "events", "-f", "json", .. args]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList();
    }

    [Fact]
    public void Issue11_every_record_has_a_confidence_with_its_factors_and_the_threshold_filters()
    {
        var all = Events();
        Assert.NotEmpty(all);
        var confidences = all.Select(r => r.GetProperty("confidence").GetDouble()).ToList();
        Assert.All(confidences, c => Assert.InRange(c, 0.0, 1.0));
        Assert.All(all, r => Assert.Contains(r.GetProperty("confidence_factors").EnumerateArray(), f => f.GetProperty("name").GetString() == "told_in_title"));
        Assert.True(confidences.Distinct().Count() > 1, "the records' evidence differs, so their confidence should");

        var threshold = confidences.Order().ElementAt(confidences.Count / 2);   // the median: some records fall below it
        var kept = Events("--min-confidence", threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(confidences.Count(c => c >= threshold), kept.Count);
        Assert.All(kept, r => Assert.True(r.GetProperty("confidence").GetDouble() >= threshold));
        Assert.True(kept.Count < all.Count);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("high")]
    public void Issue11_a_threshold_outside_0_to_1_is_a_usage_error(string value)
    {
        var run = CliRunner.Run("--db", corpus.Db, "events", "--min-confidence", value);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--min-confidence", run.Stderr + run.Stdout);
    }
}
