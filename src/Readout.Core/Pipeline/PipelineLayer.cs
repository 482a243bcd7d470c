using Readout.Analyse;
using Readout.Documents;
using Readout.Extract;

namespace Readout.Pipeline;

/// <summary>
/// A kind of value the pipeline makes for a document (sentences, mentions, interactions...): what a step
/// requires and what it produces (as CoreNLP's annotators require and satisfy annotation keys). Layers are
/// told apart by identity; the name is for errors and documentation.
/// </summary>
public abstract class PipelineLayer(string name)
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

/// <summary>A layer whose value is a <typeparamref name="T"/>.</summary>
public sealed class PipelineLayer<T>(string name) : PipelineLayer(name);

/// <summary>The layers of the shipped pipeline, in the order it makes them.</summary>
public static class PipelineLayers
{
    /// <summary>The report as read (the pipeline's input).</summary>
    public static readonly PipelineLayer<RawDocument> Raw = new("raw");
    public static readonly PipelineLayer<CleanDocument> Clean = new("clean");
    public static readonly PipelineLayer<IReadOnlyList<Sentence>> Sentences = new("sentences");
    /// <summary>The clean text's words, made once for the steps that walk them all.</summary>
    public static readonly PipelineLayer<TokenLayer> Tokens = new("tokens");
    public static readonly PipelineLayer<ReferenceFrame> Frame = new("frame");
    /// <summary>The state or organisation whose site published the report (null when unknown).</summary>
    public static readonly PipelineLayer<string?> Publisher = new("publisher");
    public static readonly PipelineLayer<MentionLayer> Mentions = new("mentions");
    public static readonly PipelineLayer<IReadOnlyList<TemporalExpression>> Times = new("dates");
    public static readonly PipelineLayer<TranscriptLayer> Transcript = new("transcript");
    public static readonly PipelineLayer<IReadOnlyList<Interaction>> Interactions = new("interactions");
    public static readonly PipelineLayer<IReadOnlyList<Statement>> Statements = new("statements");
    public static readonly PipelineLayer<IReadOnlyList<Figure>> Figures = new("figures");
    /// <summary>The clean text's near-duplicate signature (optional in a pipeline: the store computes it when missing).</summary>
    public static readonly PipelineLayer<IReadOnlyList<ulong>> Signature = new("signature");

    /// <summary>What an <see cref="AnalysedDocument"/> is made of: a step that reads the analysed document requires them all.</summary>
    public static readonly IReadOnlyList<PipelineLayer> Analysed = [Clean, Sentences, Mentions, Times, Frame, Transcript, Publisher];

    /// <summary>What a <see cref="DocumentResult"/> is made of: some step of every pipeline must produce each.</summary>
    public static readonly IReadOnlyList<PipelineLayer> Result = [Clean, Interactions, Statements, Figures];
}
