using System.Diagnostics;
using Readout.Documents;
using Readout.Extract;
using Readout.Lexicons;

namespace Readout.Pipeline;

/// <summary>
/// The whole pipeline, clean → analyse → extract: a fixed sequence of <see cref="IPipelineStep"/>s assembled
/// and checked once by <see cref="ReadoutPipelineBuilder"/>, and shared read-only by the CLI, the API and the
/// workers. It holds no per-document state, so one instance serves many threads.
/// </summary>
public sealed class ReadoutPipeline
{
    private static readonly Lazy<ReadoutPipeline> Default = new(() => Create(LexiconLoader.LoadEmbedded(compileNow: true), Code.Codebook.LoadEmbedded()));

    private readonly IPipelineStep[] _steps;
    private readonly IPipelineStep[] _cleanSteps;
    private readonly IPipelineStep[] _analyseSteps;

    public Lexicon Lexicon { get; }
    public Code.Codebook Codebook { get; }
    /// <summary>Codes the acts every sentence reports in CAMEO (used by <c>readout code</c> and the peer evaluation).</summary>
    public Code.SentenceEventCoder EventCoder { get; }

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<IPipelineStep> Steps => _steps;

    /// <summary>Built by <see cref="ReadoutPipelineBuilder.Build"/>, which has checked the steps and planned the partial runs.</summary>
    internal ReadoutPipeline(Lexicon lexicon, Code.Codebook codebook, IPipelineStep[] steps, IPipelineStep[] cleanSteps, IPipelineStep[] analyseSteps)
    {
        Lexicon = lexicon;
        Codebook = codebook;
        EventCoder = new Code.SentenceEventCoder(lexicon, codebook);
        _steps = steps;
        _cleanSteps = cleanSteps;
        _analyseSteps = analyseSteps;
    }

    /// <summary>The pipeline Readout ships, over the lexicons that ship with it.</summary>
    public static ReadoutPipeline CreateDefault() => Default.Value;

    /// <summary>The shipped steps over other lexicons or another codebook.</summary>
    public static ReadoutPipeline Create(Lexicon lexicon, Code.Codebook codebook) => new ReadoutPipelineBuilder(lexicon, codebook).UseDefaultSteps().Build();

    public DocumentResult Process(RawDocument raw, CancellationToken ct = default) => Process(raw, null, ct);

    /// <summary>Every step, adding the time of each to <paramref name="times"/> under its name when given (readout bench --stages).</summary>
    public DocumentResult Process(RawDocument raw, StageTimes? times, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var layers = Run(_steps, Seed(raw), times, ct);
        return new DocumentResult(layers.Get(PipelineLayers.Clean), layers.Get(PipelineLayers.Interactions))
        {
            Statements = layers.Get(PipelineLayers.Statements),
            Figures = layers.Get(PipelineLayers.Figures),
            Signature = layers.Has(PipelineLayers.Signature) ? layers.Get(PipelineLayers.Signature) : null,
        };
    }

    /// <summary>The steps that make the clean document alone: page junk removed, metadata read, offsets mapped back to the original.</summary>
    public CleanDocument Clean(RawDocument raw, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Run(_cleanSteps, Seed(raw), null, ct).Get(PipelineLayers.Clean);
    }

    /// <summary>The steps that make the analysed document from a clean one (sentences, mentions, dates, frame, transcript).</summary>
    public AnalysedDocument Analyse(CleanDocument clean, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(clean);
        var layers = Seed(clean.Raw);
        layers.Set(PipelineLayers.Clean, clean);
        return Run(_analyseSteps, layers, null, ct).Analysed;
    }

    private static DocumentLayers Seed(RawDocument raw)
    {
        var layers = new DocumentLayers();
        layers.Set(PipelineLayers.Raw, raw);
        return layers;
    }

    private static DocumentLayers Run(IPipelineStep[] steps, DocumentLayers layers, StageTimes? times, CancellationToken ct)
    {
        foreach (var step in steps)
        {
            ct.ThrowIfCancellationRequested();
            var data = new StepData(layers, step);
            if (times is null) step.Run(data, ct);
            else
            {
                var start = Stopwatch.GetTimestamp();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                try { step.Run(data, ct); }
                finally { times.Add(step.Name, Stopwatch.GetTimestamp() - start, GC.GetAllocatedBytesForCurrentThread() - allocated); }
            }
            foreach (var layer in step.Produces)
                if (!layers.Has(layer)) throw new InvalidOperationException($"step '{step.Name}' declares that it produces '{layer}' but did not");
        }
        return layers;
    }
}
