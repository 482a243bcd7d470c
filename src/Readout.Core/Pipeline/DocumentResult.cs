using Readout.Documents;
using Readout.Extract;

namespace Readout.Pipeline;

/// <summary>What the pipeline makes of one report: its clean form and the interactions it reports.</summary>
public sealed record DocumentResult(CleanDocument Document, IReadOnlyList<Interaction> Interactions)
{
    /// <summary>The statements the report attributes to its actors.</summary>
    public IReadOnlyList<Statement> Statements { get; init; } = [];

    /// <summary>The figures the report cites (values with units, periods, changes and sources).</summary>
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>
    /// The clean text's MinHash signature (<see cref="Fuse.NearDuplicates"/>), made on the pipeline's threads so the
    /// store's single writer need not; null when the pipeline did not make it (the store computes it then).
    /// </summary>
    public IReadOnlyList<ulong>? Signature { get; init; }
}
