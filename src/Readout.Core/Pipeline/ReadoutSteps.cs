using System.Globalization;
using Readout.Analyse;
using Readout.Clean;
using Readout.Extract;
using Readout.Lexicons;
using L = Readout.Pipeline.PipelineLayers;

namespace Readout.Pipeline;

/// <summary>
/// The steps Readout ships, in a valid order: clean, then the analysis steps, then the extractors. Each
/// name is the stage's name in <c>readout bench --stages</c>.
/// </summary>
public static class ReadoutSteps
{
    /// <summary>The shipped steps over <paramref name="lexicon"/> and <paramref name="codebook"/>, built once (they share one mention finder).</summary>
    public static IReadOnlyList<IPipelineStep> Default(Lexicon lexicon, Code.Codebook codebook)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var cleaner = new Cleaner(lexicon, name => IsCity(lexicon, name));
        var sentences = new SentenceSplitter(lexicon.Analyse);
        var mentions = new MentionFinder(lexicon);
        var frames = new ReferenceFrameBuilder(lexicon.Dates);
        var times = new TemporalExtractor(lexicon.Dates);
        var transcripts = new TranscriptReader(lexicon.Transcripts);
        var interactions = new InteractionExtractor(lexicon, mentions);
        var statements = new StatementExtractor(lexicon, codebook);
        var figures = new FigureExtractor(lexicon);
        return
        [
            new PipelineStep("clean", [L.Raw], [L.Clean],
                (d, ct) => d.Set(L.Clean, cleaner.Clean(d.Get(L.Raw), ct))),
            new PipelineStep("analyse: sentences", [L.Clean], [L.Sentences],
                (d, _) => d.Set(L.Sentences, sentences.Split(d.Get(L.Clean).Text))),
            // the report's frame: its dateline and publication date, and who published it
            new PipelineStep("analyse: frame", [L.Clean], [L.Frame, L.Publisher], (d, _) =>
            {
                var clean = d.Get(L.Clean);
                d.Set(L.Frame, frames.Build(clean));
                d.Set(L.Publisher, lexicon.PublisherOf(clean.Address ?? clean.Raw.Uri));
            }),
            new PipelineStep("analyse: tokens", [L.Clean], [L.Tokens],
                (d, _) => d.Set(L.Tokens, TokenLayer.Of(d.Get(L.Clean).Text))),
            new PipelineStep("analyse: mentions", [L.Clean, L.Tokens, L.Sentences, L.Frame, L.Publisher], [L.Mentions],
                (d, _) => d.Set(L.Mentions, mentions.Find(d.Get(L.Clean).Text, d.Get(L.Tokens), d.Get(L.Sentences), d.Get(L.Frame).Date,
                    HomeCountry(lexicon, d.Get(L.Publisher))))),
            new PipelineStep("analyse: dates", [L.Clean], [L.Times],
                (d, _) => d.Set<IReadOnlyList<TemporalExpression>>(L.Times, times.Extract(d.Get(L.Clean).Text))),
            new PipelineStep("analyse: transcript", [L.Clean, L.Mentions, L.Frame], [L.Transcript],
                (d, _) => d.Set(L.Transcript,
                    mentions.Speakers(transcripts.Read(d.Get(L.Clean).Text), d.Get(L.Mentions), d.Get(L.Frame).Date))),
            new PipelineStep("extract: interactions", L.Analysed, [L.Interactions],
                (d, ct) => d.Set(L.Interactions, interactions.Extract(d.Analysed, ct))),
            new PipelineStep("extract: statements", [.. L.Analysed, L.Interactions], [L.Statements],
                (d, ct) => d.Set(L.Statements, statements.Extract(d.Analysed, d.Get(L.Interactions), ct))),
            new PipelineStep("extract: figures", L.Analysed, [L.Figures],
                (d, ct) => d.Set(L.Figures, figures.Extract(d.Analysed, ct))),
            new PipelineStep("fuse: signature", [L.Tokens], [L.Signature],
                (d, _) => d.Set<IReadOnlyList<ulong>>(L.Signature, Fuse.NearDuplicates.Signature(d.Get(L.Tokens)))),
        ];
    }

    /// <summary>
    /// The country whose government publishes a report (its site's state), else null; an organisation's site speaks
    /// for no country. A wire's dateline is not taken for one: a wire filed abroad often gives a visiting official by
    /// title alone (a Tokyo wire's "Under-Secretary of State ... Allen Wallis" lost his country, and his meeting with it,
    /// when the dateline counted).
    /// </summary>
    private static string? HomeCountry(Lexicon lexicon, string? publisher) =>
        publisher is not null && lexicon.CountryByIso3.ContainsKey(publisher) ? publisher : null;

    /// <summary>Whether a dateline's place is a city of the gazetteer (the cleaner asks, to tell a dateline from a heading).</summary>
    private static bool IsCity(Lexicon lexicon, string name) =>
        lexicon.Gazetteer.FindAll(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant()))
            .Any(m => m.Value is City && m.End - m.Start == name.Length);
}
