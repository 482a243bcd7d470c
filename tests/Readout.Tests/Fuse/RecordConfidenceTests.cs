using Readout.Analyse;
using Readout.Documents;
using Readout.Extract;
using Readout.Fuse;
using Xunit;

namespace Readout.Tests.Fuse;

/// <summary>Issue 11: the confidence model is data, checked when read, and scores records from their evidence alone.</summary>
public sealed class RecordConfidenceTests
{
    private static Interaction Record(bool toldInTitle, bool known) => new("rec-1", InteractionStatus.Happened, InteractionMode.Phone, "2023-01-05", DateBasis.Read("\"today\" counted from the publication date 2023-01-05"),
        [new Actor("Joe Biden", "USA", Office.HeadOfState, KbId: known ? "Q6279" : null),
            new Actor("Olaf Scholz", "DEU", Office.HeadOfGovernment, KbId: known ? "Q61053" : null)],
        null, [], [new SourceRef("a.md", "Readout of a call", "2023-01-05", "h",
            [toldInTitle ? new EvidenceSpan(RecordField.Interaction, 0, 17, "Readout of a call")
                : new EvidenceSpan(RecordField.Interaction, 900, 920, "They spoke by phone.")])]);

    [Fact]
    public void Issue11_a_record_told_in_the_title_between_known_people_scores_above_one_told_late_between_unknown_names()
    {
        var model = RecordConfidence.Parse("feature\tweight\nbias\t-1\ntold_in_title\t2\ntold_early\t1\nknown_people\t1\n", "test.tsv");
        var (strong, factors) = model.Score(Record(toldInTitle: true, known: true));
        var (weak, _) = model.Score(Record(toldInTitle: false, known: false));
        Assert.True(strong > weak, $"{strong} > {weak}");
        Assert.Equal(0.269, weak);   // only the bias: 1 / (1 + e^1)
        Assert.Equal(RecordConfidence.FeatureNames, factors.Select(f => f.Name));
        Assert.Equal(0.0, factors.Single(f => f.Name == "multilateral").Weight);   // a feature the file leaves out weighs nothing
    }

    [Theory]
    [InlineData("feature\tweight\nluck\t1\n", "unknown feature 'luck'")]
    [InlineData("feature\tweight\nbias\tNaN\n", "is not a number")]
    [InlineData("weight\tfeature\nbias\t1\n", "header")]
    public void Issue11_a_malformed_model_file_is_refused_naming_the_line(string text, string message)
    {
        var e = Assert.Throws<ReadoutException>(() => RecordConfidence.Parse(text, "bad.tsv"));
        Assert.Contains(message, e.Message);
        Assert.Contains("bad.tsv", e.Message);
    }

    [Fact]
    public void Issue11_the_shipped_model_loads_and_gives_every_fused_record_a_confidence()
    {
        var fused = FusionEngine.FuseGroup([Record(true, true) with { Id = "m-1" }], h => h);
        Assert.InRange(fused.Record.Confidence!.Value, 0.0, 1.0);
        Assert.Equal(RecordConfidence.FeatureNames.Length, fused.Record.ConfidenceFactors!.Count);
    }
}
