using BenchmarkDotNet.Attributes;
using Readout.Documents;
using Readout.Pipeline;

namespace Readout.Benchmarks;

/// <summary>
/// What running a document through <see cref="DocumentRunner"/> costs besides the work itself (issue 13): handing it
/// to a kept document thread, waiting for it within the budget and the caller's token, taking the result back. Two
/// callers at once, as an ingest's two workers on a two-core machine; the work returns at once, so the time is the
/// hand-off's alone. A Reuters ingest makes 19,043 of them.
/// </summary>
[MemoryDiagnoser]
public class HandOffBenchmarks : IDisposable
{
    /// <summary>Documents handed off per benchmark call, by each of the two callers.</summary>
    public const int Documents = 1000;

    private DocumentRunner _runner = null!;
    private readonly RawDocument _raw = new("https://example.org/r", "x", "text", "h") { Origin = "bench#L1" };

    [GlobalSetup]
    public void Setup() =>
        _runner = new DocumentRunner(ReadoutPipeline.CreateDefault(), TimeSpan.FromSeconds(60), ErrorLog.Default());

    [GlobalCleanup]
    public void Dispose()
    {
        _runner.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "document hand-off, two callers", OperationsPerInvoke = 2 * Documents)]
    public int HandOff()
    {
        var callers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            var sum = 0;
            for (var n = 0; n < Documents; n++) sum += _runner.Run(_raw, _ => 1);
            return sum;
        }, TaskCreationOptions.LongRunning)).ToArray();
        return callers.Sum(c => c.Result);
    }
}
