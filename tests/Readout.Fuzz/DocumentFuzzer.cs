using System.Diagnostics;
using Readout.Documents;
using Readout.Ingest;
using Readout.Pipeline;
using Readout.Store;

namespace Readout.Fuzz;

/// <summary>What a fuzz run found.</summary>
public sealed class FuzzReport
{
    public int Inputs, Documents, Stored, NamedErrors, Crashes, Hangs, Unnamed, Internal;
    public double SlowestSeconds, SlowestCpuSeconds;
    public string SlowestInput = "";
    public readonly Dictionary<string, int> ErrorCodes = new(StringComparer.Ordinal);
    public readonly List<string> Findings = [];
}

/// <summary>
/// Runs mutated inputs down the path `readout ingest` takes (InputReader.ReadAll, DocumentRunner,
/// the SQLite store) and classifies each: a crash is any exception other than Readout's numbered
/// errors, a hang a document that used more processor time than the hang limit (processor time, so
/// that a machine busy with other work does not make documents look hung) or was given up by its
/// time budget (RO1010), an
/// unnamed error one that does not name the input file or a record of it, and RO9000 an internal error.
/// Every input with a finding is kept in the output folder for a regression test.
/// </summary>
public sealed class DocumentFuzzer(IReadOnlyList<Seed> seeds, string work, string keep, TimeSpan hangLimit, int storeEvery = 400)
{
    public FuzzReport Run(int count, int seed, Action<string>? progress = null, CancellationToken ct = default)
    {
        var report = new FuzzReport();
        var mutator = new Mutator(seed);
        var pick = new Random(seed ^ 0x5eed);
        // the budget is wall-clock time, generous here so that a loaded machine does not trip it; hangs are judged by processor time
        var runner = new DocumentRunner(ReadoutPipeline.CreateDefault(), TimeSpan.FromSeconds(300), new ErrorLog(Path.Combine(work, "errors.log")));
        var reader = new InputReader();
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(keep);
        SqliteStore? store = null;
        var clock = Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < count && !ct.IsCancellationRequested; i++)
            {
                // a fresh store now and then: mutants of one seed pile up in one fusion block otherwise
                if (i % storeEvery == 0)
                {
                    store?.Dispose();
                    var dbPath = Path.Combine(work, "fuzz.db");
                    foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(f);
                    store = new SqliteStore(dbPath);
                }
                var mutant = mutator.Mutate(seeds[pick.Next(seeds.Count)]);
                var file = Path.Combine(work, $"input-{i}{mutant.Extension}");
                File.WriteAllBytes(file, mutant.Bytes);
                report.Inputs++;
                try { RunOne(file, mutant, store!, reader, runner, report, ct); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { report.Inputs--; break; }   // stopped (Ctrl+C): report what was run
                File.Delete(file);
                if (progress is not null && (i + 1) % 1000 == 0)
                    progress($"{i + 1} inputs, {report.Documents} documents in {clock.Elapsed.TotalSeconds:F0} s: {report.Crashes} crashes, {report.Hangs} hangs, {report.Unnamed} unnamed, {report.Internal} RO9000; slowest {report.SlowestSeconds:F2} s ({report.SlowestCpuSeconds:F2} s of processor time at most)");
            }
        }
        finally
        {
            store?.Dispose();
        }
        return report;
    }

    private void RunOne(string file, Mutant mutant, SqliteStore store, InputReader reader, DocumentRunner runner, FuzzReport report, CancellationToken ct)
    {
        var what = $"{Path.GetFileName(file)} ({mutant.Name}: {mutant.Mutations})";
        var watch = Stopwatch.StartNew();
        try
        {
            foreach (var item in reader.ReadAll(file))
            {
                if (item.Error is { } readError) { Named(readError, file, what, mutant, report); continue; }
                var raw = item.Document!;
                report.Documents++;
                var one = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                try
                {
                    if (!store.HasDocument(raw.ContentHash))
                    {
                        store.SaveDocument(runner.Process(raw, ct), ct);
                        report.Stored++;
                    }
                }
                catch (ReadoutException e) { Named(e, file, what, mutant, report); }
                var seconds = one.Elapsed.TotalSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                if (seconds > report.SlowestSeconds) { report.SlowestSeconds = seconds; report.SlowestInput = what; }
                report.SlowestCpuSeconds = Math.Max(report.SlowestCpuSeconds, cpuSeconds);
                if (cpuSeconds > hangLimit.TotalSeconds) Find(report, ref report.Hangs, "hang", $"{seconds:F1} s, {cpuSeconds:F1} s of processor time", file, what, mutant);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Find(report, ref report.Crashes, "crash", e.GetType().Name + ": " + e.Message, file, what, mutant);
        }
    }

    private void Named(ReadoutException e, string file, string what, Mutant mutant, FuzzReport report)
    {
        report.NamedErrors++;
        report.ErrorCodes[e.Code] = report.ErrorCodes.GetValueOrDefault(e.Code) + 1;
        var named = e.Document == file || e.Document.StartsWith(file + "#", StringComparison.Ordinal);
        if (!named) Find(report, ref report.Unnamed, "unnamed", e.Message, file, what, mutant);
        if (e.Code == Documents.ErrorCodes.Internal) Find(report, ref report.Internal, "internal", e.Message, file, what, mutant);
        if (e.Code == Documents.ErrorCodes.TooSlow) Find(report, ref report.Hangs, "hang", e.Message, file, what, mutant);
    }

    private void Find(FuzzReport report, ref int counter, string kind, string detail, string file, Mutant mutant, string what = "")
    {
        counter++;
        var kept = Path.Combine(keep, $"{kind}-{report.Findings.Count + 1:D4}{mutant.Extension}");
        File.WriteAllBytes(kept, mutant.Bytes);
        report.Findings.Add($"{kind}: {what} -> {detail.ReplaceLineEndings(" ")} (kept as {kept})");
    }

    private void Find(FuzzReport report, ref int counter, string kind, string detail, string file, string what, Mutant mutant) =>
        Find(report, ref counter, kind, detail, file, mutant, what);
}
