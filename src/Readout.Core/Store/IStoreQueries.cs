using Readout.Extract;

namespace Readout.Store;

/// <summary>
/// What the HTTP server reads from a store. A reader is opened per request and used by one thread; each
/// store backend (SQLite here) implements it over its own tables.
/// </summary>
public interface IStoreQueries : IDisposable
{
    /// <summary>One page of fused records passing the query's filters, in the requested order, and how many pass in all.</summary>
    Page<InteractionSummary> ListInteractions(InteractionQuery query, CancellationToken ct = default);

    /// <summary>The record with this id (or old id, or unique id prefix); null if none or several.</summary>
    Interaction? Get(string idOrPrefix);

    /// <summary>Up to <paramref name="limit"/> record ids starting with <paramref name="prefix"/>.</summary>
    IReadOnlyList<string> FindIds(string prefix, int limit = 10);

    /// <summary>The statements of one record (or all statements when null).</summary>
    IReadOnlyList<Statement> Statements(string? recordId = null);

    /// <summary>The clean text of a stored report, which evidence offsets point into.</summary>
    string? GetCleanText(string contentHash);

    /// <summary>Other records of the same principals (the same fusion block), newest first.</summary>
    IReadOnlyList<InteractionSummary> SamePrincipals(string recordId, int limit, CancellationToken ct = default);

    /// <summary>Actors whose name contains <paramref name="text"/> (case- and accent-insensitive), most active first; all when empty.</summary>
    IReadOnlyList<ActorMatch> SearchActors(string text, int limit, CancellationToken ct = default);

    /// <summary>The actors of exactly these names (a person's other names), most active first, in one query.</summary>
    IReadOnlyList<ActorMatch> ActorsNamed(IReadOnlyList<string> names, int limit, CancellationToken ct = default);

    /// <summary>One actor (exact name, ignoring case): roles over time, counterparts and interactions; null when unknown.</summary>
    ActorProfile? GetActor(string name, int interactionLimit, CancellationToken ct = default);

    /// <summary>The interactions between two countries: counts per year and mode, topics per year, first, last and the timeline.</summary>
    DyadSummary GetDyad(string countryA, string countryB, int timelineLimit, CancellationToken ct = default);

    /// <summary>The stored reports, in the order they were stored.</summary>
    Page<SourceSummary> ListSources(int offset, int limit, CancellationToken ct = default);

    /// <summary>Full-text search over the reports' clean text and titles, best matches first.</summary>
    Page<TextHit> SearchText(string query, int offset, int limit, CancellationToken ct = default);

    /// <summary>Records waiting for review, the likeliest to be wrong first.</summary>
    Page<Reviews.QueueItem> ReviewQueue(int offset, int limit, CancellationToken ct = default);

    /// <summary>What the records passing the query's filters add up to: per day and mode, per country, per mode, in person per place.</summary>
    FilterSummary Summarise(InteractionQuery query, CancellationToken ct = default);

    /// <summary>The full records passing the filter, by date (the downloads of the web UI).</summary>
    IReadOnlyList<Interaction> Query(InteractionFilter filter);
}

/// <summary>Orders of <see cref="IStoreQueries.ListInteractions"/>.</summary>
public static class InteractionSort
{
    public const string DateAscending = "date";        // undated last
    public const string DateDescending = "-date";      // undated last
    public const string MostSources = "-sources";      // then newest first
    public static readonly IReadOnlyList<string> All = [DateAscending, DateDescending, MostSources];
}

/// <summary>The CLI's filters plus a full-text condition on the reports behind a record, an order and a page.</summary>
public sealed record InteractionQuery(InteractionFilter Filter, string? Text, string Sort, int Offset, int Limit);

public sealed record Page<T>(int Total, int Offset, int Limit, IReadOnlyList<T> Items);

/// <summary>A fused record as a list shows it (no evidence).</summary>
/// <remarks>The API sends it as <see cref="Export.Contract.InteractionSummaryRecord"/>, with the codes as their strings.</remarks>
public sealed record InteractionSummary(
    string Id, InteractionStatus Status, InteractionMode Mode, string? Date, IReadOnlyList<Actor> Participants, Location? Location,
    int SourceCount);

public sealed record ActorMatch(string Name, string? Country, int Interactions);

/// <summary>A role an actor held in the records, with the first and last dated record in it.</summary>
public sealed record ActorRole(ActorKind Kind, Office? Role, string? Country, string? First, string? Last, int Interactions);

public sealed record Counterpart(string Name, string? Country, int Interactions);

public sealed record ActorProfile(string Name, IReadOnlyList<ActorRole> Roles, IReadOnlyList<Counterpart> Counterparts,
    int InteractionCount, IReadOnlyList<InteractionSummary> Interactions);

/// <summary>Year is null for records without a year (undated or "--MM-DD").</summary>
/// <param name="Mode">Sent as its string (<see cref="Codes.Mode"/>), as the dyad API always did.</param>
public sealed record YearModeCount(int? Year, InteractionMode Mode, int Count);

public sealed record YearTopicCount(int? Year, string Topic, int Count);

public sealed record DyadSummary(
    string CountryA, string CountryB, int Total,
    IReadOnlyList<YearModeCount> PerYearAndMode, IReadOnlyList<YearTopicCount> TopicsPerYear,
    InteractionSummary? First, InteractionSummary? Last, IReadOnlyList<InteractionSummary> Timeline);

public sealed record SourceSummary(string Uri, string? Title, string? Published, string ContentHash, string? Family, int Records);

/// <summary>
/// A report matching a text search. <see cref="Snippet"/> is plain text in which the matched words are
/// wrapped in <see cref="TextHit.MatchStart"/> and <see cref="TextHit.MatchEnd"/> (control characters that
/// never occur in clean text), so a page can escape it and then mark them.
/// </summary>
public sealed record TextHit(string Uri, string? Title, string? Published, string ContentHash, string Snippet, IReadOnlyList<string> Records)
{
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';
}

/// <summary>Actor search that also finds a person under their other names ("Zelenskiy" finds Volodymyr Zelenskyy).</summary>
public static class ActorSearch
{
    /// <param name="otherNames">The canonical names of the people the text also names (the knowledge base's).</param>
    public static IReadOnlyList<ActorMatch> Find(IStoreQueries store, string text, int limit, Func<string, IReadOnlyList<string>> otherNames, CancellationToken ct = default)
    {
        var found = store.SearchActors(text, limit, ct).ToList();
        if (string.IsNullOrWhiteSpace(text)) return found;
        // one query for all the other names: a query each read every actor row up to twenty times ("q=the": 2.3 s
        // on a 50,000-record store, found by the query fuzzer)
        var others = otherNames(text.Trim()).Where(n => !n.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (others.Count > 0) found.AddRange(store.ActorsNamed(others, limit, ct));
        return found.DistinctBy(a => (a.Name, a.Country)).OrderByDescending(a => a.Interactions).ThenBy(a => a.Name, StringComparer.Ordinal).Take(limit).ToList();
    }
}
