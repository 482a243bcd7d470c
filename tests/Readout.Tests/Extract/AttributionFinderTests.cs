using Readout.Analyse;
using Readout.Clean;
using Readout.Documents;
using Readout.Extract;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// The one "who said it" finder: the speaker after a cue, the subject before it, a closing ", he said", and a
/// figure's source, which statements and figures now both take from it.
/// </summary>
public sealed class AttributionFinderTests
{
    private static AnalysedDocument Analyse(string text)
    {
        var ct = TestContext.Current.CancellationToken;
        var raw = new RawDocument("attribution-test", text, "text", InputReader.Hash(text), Published: "2023-05-01");
        return TestPipeline.Instance.Analyse(new Cleaner(TestPipeline.Instance.Lexicon, _ => false).Clean(raw, ct), ct);
    }

    private static Sentence SentenceWith(AnalysedDocument doc, string words) =>
        doc.Sentences.First(s => s.Text.Contains(words, StringComparison.Ordinal));

    [Fact]
    public void TheSpeakerNamedAfterASpeechCueIsThatPerson()
    {
        var doc = Analyse("Moscow, May 1. Relations between the two countries are at their best, said Vladimir Putin.");
        var s = SentenceWith(doc, "said Vladimir");
        var cueEnd = s.Text.IndexOf("said", StringComparison.Ordinal) + "said".Length;
        var who = new AttributionFinder(TestPipeline.Instance.Lexicon).After(doc, s, cueEnd, "said");
        Assert.NotNull(who);
        Assert.Equal(("Vladimir Putin", SpeakerKind.Person), (who.Single().Name, who.Single().Kind));
    }

    [Fact]
    public void TheSubjectBeforeACueIsTheMentionNearestIt()
    {
        var doc = Analyse("Beijing, May 1. Xi Jinping stressed that the two sides should deepen their cooperation.");
        var s = SentenceWith(doc, "stressed");
        var cue = s.Span.Start + s.Text.IndexOf("stressed", StringComparison.Ordinal);
        var who = new AttributionFinder(TestPipeline.Instance.Lexicon).Subject(doc, s.Span.Start, cue);
        Assert.NotNull(who);
        Assert.Equal(("Xi Jinping", "CHN"), (who.Single().Name, who.Single().Country));
        Assert.Null(new AttributionFinder(TestPipeline.Instance.Lexicon).Subject(doc, cue, cue));   // an empty clause names no one
    }

    [Fact]
    public void AClosingHeSaidIsTheSpeakerOfTheSpeechBefore()
    {
        var doc = Analyse("Beijing, May 1. The talks were frank and useful for both countries, he said.");
        var s = SentenceWith(doc, "he said");
        var earlier = new Speaker("Wang Yi", "CHN", SpeakerKind.Person);
        var finder = new AttributionFinder(TestPipeline.Instance.Lexicon);
        Assert.Equal([earlier], finder.Closing(doc, s, paragraphSpeaker: null, lastPerson: earlier));
        Assert.Null(finder.Closing(doc, s, paragraphSpeaker: null, lastPerson: null));   // no one to refer back to
    }

    [Fact]
    public void AStatementAndAFigureInOneSentenceAreGivenTheSameSpeaker()
    {
        var text = "Moscow, May 1. Bilateral trade between Russia and China reached $190 billion last year, Vladimir Putin said.";
        var raw = new RawDocument("attribution-test", text, "text", InputReader.Hash(text), Published: "2023-05-01");
        var result = TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken);
        var figure = Assert.Single(result.Figures, f => f.Text.Contains("190", StringComparison.Ordinal));
        var statement = Assert.Single(result.Statements, st => st.Text.Contains("190", StringComparison.Ordinal));
        Assert.Equal("Vladimir Putin", figure.Source);
        Assert.Equal(figure.Source, statement.Speakers.Single().Name);
    }

    [Fact]
    public void AFiguresSourceAfterAccordingToIsTakenAsWritten()
    {
        var text = "Beijing, May 1. Trade between the two countries rose 12 percent to $240 billion, "
            + "according to data from the General Administration of Customs.";
        var doc = Analyse(text);
        var figures = new FigureExtractor(TestPipeline.Instance.Lexicon).Extract(doc, TestContext.Current.CancellationToken);
        var figure = Assert.Single(figures, f => f.Text.Contains("240", StringComparison.Ordinal));
        Assert.Equal("General Administration of Customs", figure.Source);
    }
}
