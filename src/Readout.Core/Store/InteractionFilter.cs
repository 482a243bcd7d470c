namespace Readout.Store;

/// <summary>
/// Which stored interactions to return. Every condition given must hold:
/// <list type="bullet">
/// <item><see cref="Actors"/>: each is a case-insensitive substring of some participant's name, or of another
/// name of the same person (<see cref="ActorAliases"/>: "Zelenskiy" finds Volodymyr Zelenskyy).</item>
/// <item><see cref="Countries"/>: ISO 3166-1 alpha-3 codes, each among the participants' countries (two make a dyad).</item>
/// <item><see cref="From"/>/<see cref="To"/>: inclusive bounds on the ISO date ("2024", "2024-09" or "2024-09-04");
/// records without a full date are left out when either is given.</item>
/// <item><see cref="Mode"/>, <see cref="Status"/>: exact values; null means any.</item>
/// <item><see cref="Review"/>: unreviewed, reviewed, rejected or all; null keeps every record but the rejected ones.</item>
/// </list>
/// </summary>
public sealed record InteractionFilter(
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Countries,
    string? From,
    string? To,
    string? Mode,
    string? Status = null,
    string? Review = null)
{
    public static InteractionFilter All { get; } = new([], [], null, null, null);

    /// <summary>Keep only records whose confidence (0..1) is at least this; records without one are left out.</summary>
    public double? MinConfidence { get; init; }

    /// <summary>For an actor term, the canonical names of the people it also names (filled by <see cref="WithAliases"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? ActorAliases { get; init; }

    /// <summary>The forms an actor term is searched as: itself, and the canonical names of the people it names.</summary>
    public IReadOnlyList<string> FormsOf(string actor) =>
        ActorAliases?.GetValueOrDefault(actor) is { Count: > 0 } more ? [actor, .. more.Where(m => !m.Contains(actor, StringComparison.OrdinalIgnoreCase))] : [actor];

    /// <summary>This filter with each actor term's other names, as a knowledge base of people gives them.</summary>
    public InteractionFilter WithAliases(Func<string, IReadOnlyList<string>> canonicalNames) => this with
    {
        ActorAliases = (Actors ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct()
            .ToDictionary(a => a, canonicalNames, StringComparer.Ordinal),
    };
}
