using System.Collections.Concurrent;

namespace Readout.Store;

/// <summary>
/// Totals of list queries ("how many records match") and whole dyad summaries, kept between requests until
/// the store changes. Counting a filter's matches costs several times more than reading one page of them,
/// and every page of the same filter asks for the same total; a dyad summary is a handful of aggregates. Entries are keyed by the query and its arguments and stamped
/// with the store's version (the newest report's id, read in the same snapshot as the count): a report
/// saved since makes the stamp stale and the total is counted again. One instance serves one database,
/// shared by its per-request readers; it is bounded, and cleared when full.
/// </summary>
public sealed class CountCache
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, (long Version, object Value)> _entries = new(StringComparer.Ordinal);

    /// <summary>The cached total for <paramref name="key"/> at <paramref name="version"/>, else counts and keeps it.</summary>
    public int GetOrCount(string key, long version, Func<int> count) => GetOrRead("count\u0001" + key, version, count);

    /// <summary>The cached result for <paramref name="key"/> at <paramref name="version"/>, else reads and keeps it (results are immutable records).</summary>
    public T GetOrRead<T>(string key, long version, Func<T> read) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_entries.TryGetValue(key, out var hit) && hit.Version == version && hit.Value is T cached) return cached;
        var value = read();
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[key] = (version, value);
        return value;
    }
}
