namespace Readout.Store;

/// <summary>
/// Which stored interactions to return. Every condition given must hold:
/// <list type="bullet">
/// <item><see cref="Actors"/>: each is a case-insensitive substring of some participant's name.</item>
/// <item><see cref="Countries"/>: ISO 3166-1 alpha-3 codes, each among the participants' countries (two make a dyad).</item>
/// <item><see cref="From"/>/<see cref="To"/>: inclusive bounds on the ISO date ("2024", "2024-09" or "2024-09-04");
/// records without a full date are left out when either is given.</item>
/// <item><see cref="Mode"/>, <see cref="Status"/>: exact values; null means any.</item>
/// </list>
/// </summary>
public sealed record InteractionFilter(
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Countries,
    string? From,
    string? To,
    string? Mode,
    string? Status = null)
{
    public static InteractionFilter All { get; } = new([], [], null, null, null);
}
