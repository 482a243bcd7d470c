using System.Diagnostics;

namespace Readout.Pipeline;

/// <summary>
/// Time spent and bytes allocated in each stage of the pipeline, added up over documents (for <c>readout bench --stages</c>).
/// Not thread-safe: one per thread, as the bytes are the calling thread's.
/// </summary>
public sealed class StageTimes
{
    private readonly Dictionary<string, (long Ticks, long Bytes)> _sums = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>The stages in the order first met, with their total time and the bytes they allocated on the calling thread.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time, long Bytes)> Totals =>
        _order.Select(s => (s, Stopwatch.GetElapsedTime(0, _sums[s].Ticks), _sums[s].Bytes)).ToList();

    public void Add(string stage, long ticks, long bytes)
    {
        if (!_sums.TryGetValue(stage, out var sum)) _order.Add(stage);
        _sums[stage] = (sum.Ticks + ticks, sum.Bytes + bytes);
    }
}
