using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Readout.Documents;
using Readout.Ingest;
using Readout.Pipeline;

namespace Readout.Cli.Commands;

/// <summary><c>readout bench PATH...</c>: time the pipeline alone, on inputs already in memory.</summary>
public static class BenchCommand
{
    public static Command Build()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders to read, as for ingest" };
        var repeat = new Option<int>("--repeat", "-n") { Description = "How many times to run over all documents", HelpName = "N", DefaultValueFactory = _ => 3 };
        repeat.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0) r.AddError("--repeat must be at least 1");
        });
        var command = new Command("bench",
            """
            Measure extraction speed: reads every input into memory first (not timed), builds the pipeline
            (not timed), then processes all documents N times without the database and reports the best
            and median run in documents/s and MB/s of raw content.
            Exit codes: 0 success, 2 some inputs failed (the rest were timed), 1 usage error or no documents.
            """);
        command.Arguments.Add(paths);
        var stages = new Option<bool>("--stages") { Description = "Also report the time of each stage (clean, each analysis step, each extractor) and the bytes it allocated, added up over the documents of the first run" };
        command.Options.Add(repeat);
        command.Options.Add(stages);
        command.SetAction((p, ct) => Task.FromResult(Run(p.GetValue(paths)!, p.GetValue(repeat), p.GetValue(stages), ct)));
        return command;
    }

    private static int Run(string[] paths, int repeat, bool stages, CancellationToken ct)
    {
        var reader = new InputReader();
        var failures = new List<InputFailure>();
        var docs = new List<RawDocument>();
        var failed = 0;
        foreach (var file in reader.Expand(paths, failures).ToList())
        {
            foreach (var item in reader.ReadAll(file))
            {
                if (item.Error is { } e) { Cli.Error(e); failed++; }
                else docs.Add(item.Document!);
            }
        }
        foreach (var f in failures) { Cli.Error(f.Error); failed++; }
        if (docs.Count == 0)
        {
            Console.Error.WriteLine("error: no documents to benchmark");
            return ExitCodes.Error;
        }

        var bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Content));
        var mb = bytes / (1024.0 * 1024.0);

        var build = Stopwatch.StartNew();
        var pipeline = ReadoutPipeline.CreateDefault();
        build.Stop();

        var times = new List<TimeSpan>();
        var stageTimes = stages ? new StageTimes() : null;
        var interactions = 0;
        var gc = default(GcCounts);
        var processFailures = 0;
        try
        {
            for (var run = 0; run < repeat; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var found = 0;
                var gcBefore = GcCounts.Now();
                var sw = Stopwatch.StartNew();
                foreach (var d in docs)
                {
                    try { found += pipeline.Process(d, run == 0 ? stageTimes : null, ct).Interactions.Count; }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // timed as the pipeline alone (no time budget); an unexpected error is still one line
                        if (run == 0) { Cli.Error(e as ReadoutException ?? new DocumentRunner(pipeline, TextLimits.DocumentBudget, ErrorLog.Default()).Internal(d, e)); processFailures++; }
                    }
                }
                sw.Stop();
                gc += GcCounts.Now() - gcBefore;
                times.Add(sw.Elapsed);
                interactions = found;
            }
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("interrupted");
            return ExitCodes.Interrupted;
        }

        var sorted = times.OrderBy(t => t).ToList();
        var best = sorted[0];
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        var ci = CultureInfo.InvariantCulture;
        string Line(string label, TimeSpan t)
        {
            var s = Math.Max(t.TotalSeconds, 1e-9);
            return string.Format(ci, "{0,-7} {1,9:F3} s  {2,10:F1} documents/s  {3,8:F2} MB/s", label, t.TotalSeconds, docs.Count / s, mb / s);
        }
        Console.Out.WriteLine(string.Format(ci, "bench: {0} document{5}, {1:F2} MB, {2} run{3} (pipeline built in {4:F0} ms, not timed)",
            docs.Count, mb, repeat, repeat == 1 ? "" : "s", build.Elapsed.TotalMilliseconds, docs.Count == 1 ? "" : "s"));
        Console.Out.WriteLine(Line("best", best));
        Console.Out.WriteLine(Line("median", median));
        if (stageTimes is not null)
        {
            var total = stageTimes.Totals.Sum(t => t.Time.TotalSeconds);
            foreach (var (stage, time, allocated) in stageTimes.Totals)
                Console.Out.WriteLine(string.Format(ci, "  {0,-24} {1,9:F3} s  {2,5:F1}%  {3,8:F0} MB allocated", stage, time.TotalSeconds,
                    100 * time.TotalSeconds / Math.Max(total, 1e-9), allocated / 1e6));
        }
        // the collector's share: its pauses stop every thread, so on many cores they weigh more than here
        var timed = Math.Max(times.Sum(t => t.TotalSeconds), 1e-9);
        Console.Out.WriteLine(string.Format(ci,
            "gc: {0:F0} MB allocated per run; {1} gen0, {2} gen1, {3} gen2 collections; paused {4:F3} s ({5:F1}% of the runs)",
            gc.Allocated / 1e6 / repeat, gc.Gen0, gc.Gen1, gc.Gen2, gc.Paused.TotalSeconds, 100 * gc.Paused.TotalSeconds / timed));
        Console.Out.WriteLine($"interactions: {interactions} per run" + (processFailures > 0 ? $"; {processFailures} documents failed" : ""));
        return failed + processFailures > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }
}

/// <summary>
/// What the garbage collector did, as counted by the runtime: bytes allocated, collections of each generation, time paused.
/// </summary>
internal readonly record struct GcCounts(long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcCounts Now() =>
        new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcCounts operator -(GcCounts a, GcCounts b) =>
        new(a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused);

    public static GcCounts operator +(GcCounts a, GcCounts b) =>
        new(a.Allocated + b.Allocated, a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2, a.Paused + b.Paused);
}
