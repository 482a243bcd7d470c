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
}
