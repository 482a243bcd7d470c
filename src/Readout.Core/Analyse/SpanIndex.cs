namespace Readout.Analyse;

/// <summary>Range lookups over mention lists kept in text order, by binary search instead of a scan of the whole document.</summary>
public static class SpanIndex
{
    /// <summary>The items whose start lies in [from, to), for a list sorted by start.</summary>
    public static IEnumerable<T> StartingIn<T>(this IReadOnlyList<T> sorted, Func<T, int> start, int from, int to)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (start(sorted[mid]) < from) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < sorted.Count && start(sorted[i]) < to; i++) yield return sorted[i];
    }
}
