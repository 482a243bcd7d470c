using System.Diagnostics;

namespace Readout.Pipeline;

/// <summary>Time spent in each stage of the pipeline, added up over documents (for <c>readout bench --stages</c>). Not thread-safe: one per thread.</summary>
public sealed class StageTimes
{
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>The stages in the order first met, with their total time.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> Totals => _order.Select(s => (s, Stopwatch.GetElapsedTime(0, _ticks[s]))).ToList();

    public void Add(string stage, long ticks)
    {
        if (!_ticks.TryGetValue(stage, out var sum)) _order.Add(stage);
        _ticks[stage] = sum + ticks;
    }
}
