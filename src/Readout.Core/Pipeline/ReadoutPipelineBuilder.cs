using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Pipeline;

/// <summary>
/// Assembles a <see cref="ReadoutPipeline"/> once: the steps in order (the shipped ones with
/// <see cref="UseDefaultSteps"/>, any others added or inserted), checked when built — every layer a step
/// requires is produced by a step before it, each layer by one step only, names are unique, and the
/// pipeline's result (clean text, interactions, statements, figures) and analysed document are made.
/// The pipeline built is immutable; the builder may go on to build others.
/// </summary>
public sealed class ReadoutPipelineBuilder(Lexicon lexicon, Code.Codebook codebook)
{
    private readonly List<IPipelineStep> _steps = [];

    public Lexicon Lexicon { get; } = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
    public Code.Codebook Codebook { get; } = codebook ?? throw new ArgumentNullException(nameof(codebook));

    /// <summary>The steps so far, in order.</summary>
    public IReadOnlyList<IPipelineStep> Steps => _steps;

    /// <summary>Adds the shipped steps (<see cref="ReadoutSteps.Default"/>) after those already added.</summary>
    public ReadoutPipelineBuilder UseDefaultSteps()
    {
        _steps.AddRange(ReadoutSteps.Default(Lexicon, Codebook));
        return this;
    }

    /// <summary>Adds a step at the end.</summary>
    public ReadoutPipelineBuilder Add(IPipelineStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    /// <summary>Inserts a step right after the step named <paramref name="name"/>.</summary>
    /// <exception cref="ReadoutException">RO0004 when no step has that name.</exception>
    public ReadoutPipelineBuilder InsertAfter(string name, IPipelineStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var at = _steps.FindIndex(s => s.Name == name);
        if (at < 0) throw Invalid($"there is no step '{name}' to insert '{step.Name}' after (steps: {string.Join(", ", _steps.Select(s => s.Name))})");
        _steps.Insert(at + 1, step);
        return this;
    }

    /// <summary>Checks the order of the steps and builds the pipeline.</summary>
    /// <exception cref="ReadoutException">RO0004 naming the step and the layer when the steps cannot run in this order.</exception>
    public ReadoutPipeline Build()
    {
        var steps = _steps.ToArray();
        Validate(steps);
        return new ReadoutPipeline(Lexicon, Codebook, steps,
            cleanSteps: Plan(steps, [PipelineLayers.Raw], [PipelineLayers.Clean]),
            analyseSteps: Plan(steps, [PipelineLayers.Raw, PipelineLayers.Clean], PipelineLayers.Analysed));
    }

    /// <summary>Throws RO0004 for the first reason <paramref name="steps"/> cannot run in this order.</summary>
    public static void Validate(IReadOnlyList<IPipelineStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0) throw Invalid("it has no steps");
        var madeBy = new Dictionary<PipelineLayer, int> { [PipelineLayers.Raw] = -1 };
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < steps.Count; n++)
        {
            var step = steps[n];
            if (string.IsNullOrWhiteSpace(step.Name)) throw Invalid($"step {n + 1} has no name");
            if (!names.Add(step.Name)) throw Invalid($"two steps are named '{step.Name}' (steps {steps.ToList().FindIndex(s => s.Name == step.Name) + 1} and {n + 1})");
            foreach (var layer in step.Requires)
            {
                if (madeBy.ContainsKey(layer)) continue;
                var later = steps.Skip(n + 1).ToList().FindIndex(s => s.Produces.Contains(layer));
                throw Invalid($"step {n + 1} '{step.Name}' requires '{layer}', which no step before it produces"
                    + (later >= 0 ? $" (step {n + 2 + later} '{steps[n + 1 + later].Name}' does: put it first)" : ""));
            }
            foreach (var layer in step.Produces)
            {
                if (madeBy.TryGetValue(layer, out var other))
                    throw Invalid($"step {n + 1} '{step.Name}' produces '{layer}', which "
                        + (other < 0 ? "is the pipeline's input" : $"step {other + 1} '{steps[other].Name}' already produces"));
                madeBy[layer] = n;
            }
        }
        if (PipelineLayers.Result.Concat(PipelineLayers.Analysed).FirstOrDefault(l => !madeBy.ContainsKey(l)) is { } missing)
            throw Invalid($"no step produces '{missing}', which the pipeline's result needs");
    }

    /// <summary>
    /// The steps, in order, needed to make <paramref name="wanted"/> from <paramref name="given"/>: those producing
    /// a wanted layer, and those producing what they require, and so on back.
    /// </summary>
    internal static IPipelineStep[] Plan(IReadOnlyList<IPipelineStep> steps, IReadOnlyList<PipelineLayer> given, IReadOnlyList<PipelineLayer> wanted)
    {
        var needed = wanted.Where(l => !given.Contains(l)).ToHashSet();
        var plan = new List<IPipelineStep>();
        for (var n = steps.Count - 1; n >= 0 && needed.Count > 0; n--)
        {
            var step = steps[n];
            if (!step.Produces.Any(needed.Contains)) continue;
            if (step.Produces.Any(given.Contains))
                throw Invalid($"step {n + 1} '{step.Name}' is needed after '{string.Join("', '", given)}' but also produces one of them");
            plan.Add(step);
            needed.ExceptWith(step.Produces);
            needed.UnionWith(step.Requires.Where(l => !given.Contains(l)));
        }
        plan.Reverse();
        return [.. plan];
    }

    private static ReadoutException Invalid(string message) =>
        new(ErrorCodes.BadPipeline, "pipeline", message + "; see docs/architecture.md, \"Adding a step\"");
}
