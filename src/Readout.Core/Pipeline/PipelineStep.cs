using Readout.Extract;

namespace Readout.Pipeline;

/// <summary>
/// One step of the pipeline: it reads the layers it requires and adds the layers it produces, and nothing
/// else (<see cref="StepData"/> holds it to that). A step holds no per-document state: one instance serves
/// every document on every thread. <see cref="ReadoutPipelineBuilder"/> checks at build time that some
/// earlier step produces everything a step requires.
/// </summary>
public interface IPipelineStep
{
    /// <summary>The step's name, unique in a pipeline; <c>readout bench --stages</c> reports its time under it.</summary>
    string Name { get; }

    IReadOnlyList<PipelineLayer> Requires { get; }

    IReadOnlyList<PipelineLayer> Produces { get; }

    /// <summary>Reads <see cref="Requires"/> from <paramref name="data"/> and sets every layer of <see cref="Produces"/>.</summary>
    void Run(StepData data, CancellationToken ct);
}

/// <summary>A step given by its declaration and a function (the shipped steps are these).</summary>
public sealed class PipelineStep(string name, IReadOnlyList<PipelineLayer> requires, IReadOnlyList<PipelineLayer> produces, Action<StepData, CancellationToken> run)
    : IPipelineStep
{
    public string Name { get; } = name;
    public IReadOnlyList<PipelineLayer> Requires { get; } = [.. requires];
    public IReadOnlyList<PipelineLayer> Produces { get; } = [.. produces];

    public void Run(StepData data, CancellationToken ct) => run(data, ct);

    public override string ToString() => Name;
}

/// <summary>The layers made so far for one document. Not thread-safe: one per document.</summary>
internal sealed class DocumentLayers
{
    private readonly Dictionary<PipelineLayer, object?> _values = [];
    private AnalysedDocument? _analysed;

    public bool Has(PipelineLayer layer) => _values.ContainsKey(layer);

    public T Get<T>(PipelineLayer<T> layer) =>
        _values.TryGetValue(layer, out var value) ? (T)value! : throw new InvalidOperationException($"the layer '{layer}' has not been made");

    public void Set<T>(PipelineLayer<T> layer, T value)
    {
        if (!_values.TryAdd(layer, value)) throw new InvalidOperationException($"the layer '{layer}' is made twice");
    }

    /// <summary>The analysed document over the layers made, one instance per document.</summary>
    public AnalysedDocument Analysed => _analysed ??= new AnalysedDocument(
        Get(PipelineLayers.Clean), Get(PipelineLayers.Sentences), Get(PipelineLayers.Mentions), Get(PipelineLayers.Times), Get(PipelineLayers.Frame))
    {
        Transcript = Get(PipelineLayers.Transcript),
        Publisher = Get(PipelineLayers.Publisher),
    };
}

/// <summary>
/// What one step sees of a document: the layers it requires, to read, and those it produces, to set. Reading
/// an undeclared layer or setting one it does not produce is an error, so a step's declaration is what it does.
/// </summary>
public sealed class StepData
{
    private readonly DocumentLayers _layers;
    private readonly IPipelineStep _step;

    internal StepData(DocumentLayers layers, IPipelineStep step)
    {
        _layers = layers;
        _step = step;
    }

    /// <exception cref="InvalidOperationException">the step does not declare that it requires <paramref name="layer"/>.</exception>
    public T Get<T>(PipelineLayer<T> layer)
    {
        if (!_step.Requires.Contains(layer))
            throw new InvalidOperationException($"step '{_step.Name}' reads '{layer}' but does not require it");
        return _layers.Get(layer);
    }

    /// <exception cref="InvalidOperationException">the step does not declare that it produces <paramref name="layer"/>.</exception>
    public void Set<T>(PipelineLayer<T> layer, T value)
    {
        if (!_step.Produces.Contains(layer))
            throw new InvalidOperationException($"step '{_step.Name}' sets '{layer}' but does not produce it");
        _layers.Set(layer, value);
    }

    /// <summary>The analysed document (clean text, sentences, mentions, dates, frame, transcript, publisher).</summary>
    /// <exception cref="InvalidOperationException">the step does not require every layer of <see cref="PipelineLayers.Analysed"/>.</exception>
    public AnalysedDocument Analysed
    {
        get
        {
            if (PipelineLayers.Analysed.FirstOrDefault(l => !_step.Requires.Contains(l)) is { } missing)
                throw new InvalidOperationException($"step '{_step.Name}' reads the analysed document but does not require '{missing}'");
            return _layers.Analysed;
        }
    }
}
