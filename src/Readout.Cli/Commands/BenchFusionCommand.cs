using System.CommandLine;
using System.Diagnostics;
using Readout.Evaluation;
using Readout.Pipeline;
using Readout.Store;

namespace Readout.Cli.Commands;

/// <summary>
/// <c>readout bench-fusion</c>: how the cost of ingesting (with fusion) grows with the store. Generates
/// reports, fills a fresh store with a first batch, then times a second batch against it.
/// </summary>
public static class BenchFusionCommand
{
    public static Command Build()
    {
        var existing = new Option<int>("--existing") { Description = "Reports stored before the timed batch", DefaultValueFactory = _ => 10_000 };
        var added = new Option<int>("--new") { Description = "Reports in the timed batch", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the report generator", DefaultValueFactory = _ => 1 };
        var command = new Command("bench-fusion",
            """
            Measure ingest with fusion against a growing store: generated reports (several outlets per interaction,
            leaders from the lexicons) fill a temporary database, then a second batch is timed against it.
            Prints reports/s for both batches, so the growth of the per-report cost can be read off.
            """);
        command.Options.Add(existing);
        command.Options.Add(added);
        command.Options.Add(seed);
        command.SetAction((p, ct) =>
        {
            var pipeline = ReadoutPipeline.CreateDefault();
            var generator = new ReportGenerator(pipeline.Lexicon, p.GetValue(seed));
            var first = generator.Generate(p.GetValue(existing), "bench/a").ToList();
            var second = generator.Generate(p.GetValue(added), "bench/b").ToList();
            var path = Path.Combine(Path.GetTempPath(), $"readout-bench-{Environment.ProcessId}.db");
            try
            {
                using var store = new SqliteStore(path);
                var (t1, n1) = Ingest(pipeline, store, first, ct);
                Console.WriteLine($"first batch   {first.Count,7} reports into an empty store   {t1.TotalSeconds,8:F2} s   {first.Count / t1.TotalSeconds,8:F1} reports/s");
                var (t2, n2) = Ingest(pipeline, store, second, ct);
                Console.WriteLine($"second batch  {second.Count,7} reports against {first.Count} stored {t2.TotalSeconds,8:F2} s   {second.Count / t2.TotalSeconds,8:F1} reports/s");
                var (docs, records) = store.Counts();
                Console.WriteLine($"store: {docs} reports, {records} records from {n1 + n2} report-level interactions; per-report cost grew {t2.TotalSeconds / second.Count / (t1.TotalSeconds / first.Count):F2}x");
            }
            finally
            {
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(f)) File.Delete(f);
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static (TimeSpan, int) Ingest(ReadoutPipeline pipeline, SqliteStore store, List<Readout.Documents.RawDocument> docs, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var interactions = 0;
        foreach (var d in docs)
        {
            ct.ThrowIfCancellationRequested();
            var result = pipeline.Process(d, ct);
            interactions += result.Interactions.Count;
            store.SaveDocument(result, CancellationToken.None);   // a bench times whole saves; Ctrl+C stops between them
        }
        return (sw.Elapsed, interactions);
    }
}
