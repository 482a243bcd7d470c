using Readout.Analyse;
using Readout.Clean;
using Readout.Documents;
using Readout.Extract;
using Readout.Lexicons;

namespace Readout.Pipeline;

/// <summary>
/// The whole pipeline, clean → analyse → extract, built once from the lexicons and shared read-only by
/// the CLI, the API and the workers. It holds no per-document state, so one instance serves many threads.
/// </summary>
public sealed class ReadoutPipeline
{
    private static readonly Lazy<ReadoutPipeline> Default = new(() => new ReadoutPipeline(LexiconLoader.LoadEmbedded(), Code.Codebook.LoadEmbedded()));

    public Lexicon Lexicon { get; }
    public Code.Codebook Codebook { get; }
    /// <summary>Codes the acts every sentence reports in CAMEO (used by <c>readout code</c> and the peer evaluation).</summary>
    public Code.SentenceEventCoder EventCoder { get; }
    private readonly Cleaner _cleaner;
    private readonly MentionFinder _mentions;
    private readonly ReferenceFrameBuilder _frames;
    private readonly InteractionExtractor _extractor;
    private readonly StatementExtractor _statements;

    public ReadoutPipeline(Lexicon lexicon) : this(lexicon, Code.Codebook.LoadEmbedded()) { }

    public ReadoutPipeline(Lexicon lexicon, Code.Codebook codebook)
    {
        Lexicon = lexicon;
        Codebook = codebook;
        _cleaner = new Cleaner(IsCity);
        _mentions = new MentionFinder(lexicon);
        _frames = new ReferenceFrameBuilder();
        _extractor = new InteractionExtractor(lexicon, _mentions);
        _statements = new StatementExtractor(lexicon, codebook);
        EventCoder = new Code.SentenceEventCoder(lexicon, codebook);
    }

    /// <summary>The pipeline over the lexicons that ship with Readout.</summary>
    public static ReadoutPipeline CreateDefault() => Default.Value;

    private bool IsCity(string name) =>
        Lexicon.Gazetteer.FindAll(System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant()))
            .Any(m => m.Value is City && m.End - m.Start == name.Length);

    public DocumentResult Process(RawDocument raw, CancellationToken ct = default) => Process(raw, null, ct);

    /// <summary>The whole pipeline, adding the time of each stage to <paramref name="times"/> when given (readout bench --stages).</summary>
    public DocumentResult Process(RawDocument raw, StageTimes? times, CancellationToken ct = default)
    {
        var clean = StageTimes.Time(times, "clean", () => _cleaner.Clean(raw, ct));
        var analysed = Analyse(clean, times, ct);
        var interactions = StageTimes.Time(times, "extract: interactions", () => _extractor.Extract(analysed, ct));
        var statements = StageTimes.Time(times, "extract: statements", () => _statements.Extract(analysed, interactions, ct));
        var figures = StageTimes.Time(times, "extract: figures", () => FigureExtractor.Extract(analysed, ct));
        return new DocumentResult(clean, interactions) { Statements = statements, Figures = figures };
    }

    /// <summary>The clean stage alone: page junk removed, metadata read, offsets mapped back to the original.</summary>
    public CleanDocument Clean(RawDocument raw, CancellationToken ct = default) => _cleaner.Clean(raw, ct);

    public AnalysedDocument Analyse(CleanDocument clean, CancellationToken ct = default) => Analyse(clean, null, ct);

    private AnalysedDocument Analyse(CleanDocument clean, StageTimes? stages, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var sentences = StageTimes.Time(stages, "analyse: sentences", () => SentenceSplitter.Split(clean.Text));
        var frame = StageTimes.Time(stages, "analyse: frame", () => _frames.Build(clean));
        var mentions = StageTimes.Time(stages, "analyse: mentions", () => _mentions.Find(clean.Text, sentences, frame.Date));
        var times = StageTimes.Time(stages, "analyse: dates", () => TemporalExtractor.Extract(clean.Text));
        var transcript = StageTimes.Time(stages, "analyse: transcript", () => _mentions.Speakers(TranscriptReader.Read(clean.Text), mentions, frame.Date));
        return new AnalysedDocument(clean, sentences, mentions, times, frame) { Transcript = transcript, Publisher = Lexicon.PublisherOf(clean.Address ?? clean.Raw.Uri) };
    }
}
