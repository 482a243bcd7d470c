using Readout.Code;
using Readout.Documents;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Code;

/// <summary>
/// Runs Specs/Code/*.spec: a report, then every event the sentence event coder must find, one per line —
/// CAMEO code | source actor code | target actor code (or "-") | the evidence text. The coder must find exactly
/// these events: a missing one and an extra one both fail.
/// </summary>
public sealed class SentenceEventCoderSpecTests
{
    public static TheoryData<string> Specs() => SpecFile.In("Code");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec(string file)
    {
        var spec = SpecFile.Read("Code", file);
        var ct = TestContext.Current.CancellationToken;
        var raw = new RawDocument(file, spec.Text, "text", InputReader.Hash(spec.Text), Published: spec.Header.GetValueOrDefault("published"));
        var pipeline = TestPipeline.Instance;
        var clean = pipeline.Clean(raw, ct);
        var events = pipeline.EventCoder.Code(pipeline.Analyse(clean, ct), ct);
        var found = events.Select(e => Line(e, clean.Text)).ToList();
        var expected = spec.Expected.Select(l => string.Join(" | ", l.Split('|', StringSplitOptions.TrimEntries))).ToList();

        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(found.Order(StringComparer.Ordinal)),
            $"{file}: expected\n  {string.Join("\n  ", expected)}\nfound\n  {string.Join("\n  ", found)}\nbasis\n  {string.Join("\n  ", events.Select(e => e.Basis))}");
    }

    [Fact]
    public void Every_code_in_the_verb_lexicon_is_a_CAMEO_code()
    {
        var book = TestPipeline.Instance.Codebook;
        var verbs = TestPipeline.Instance.Lexicon.EventVerbs;
        Assert.NotEmpty(verbs);
        var invalid = verbs.Where(v => !book.IsValidCameo(v.Cameo)).Select(v => $"{v.Cameo} ({v.Pattern})").ToList();
        Assert.True(invalid.Count == 0, "not CAMEO codes: " + string.Join(", ", invalid));
    }

    [Fact]
    public void Evidence_and_actor_spans_point_into_the_clean_text()
    {
        const string text = "Intro line about nothing.\n\nGhanaian police arrested three Togolese traders in Accra on Friday.";
        var ct = TestContext.Current.CancellationToken;
        var pipeline = TestPipeline.Instance;
        var clean = pipeline.Clean(new RawDocument("spans", text, "text", InputReader.Hash(text), Published: "2024-02-03"), ct);
        var e = Assert.Single(pipeline.EventCoder.Code(pipeline.Analyse(clean, ct), ct));
        Assert.Equal("173", e.Cameo);
        Assert.Equal("arrested", clean.Text[e.Evidence.Start..e.Evidence.End]);
        Assert.Equal("Ghanaian police", clean.Text[e.Source!.Span.Start..e.Source.Span.End]);
        Assert.Equal("GHACOP", e.Source.Code);
        Assert.Equal("TGO", e.Target!.Code);
        Assert.Contains("arrested three Togolese", clean.Text[e.Sentence.Start..e.Sentence.End], StringComparison.Ordinal);
    }

    private static string Line(CodedEvent e, string text) =>
        $"{e.Cameo} | {e.Source?.Code ?? "-"} | {e.Target?.Code ?? "-"} | {text[e.Evidence.Start..e.Evidence.End]}";
}
