using System.Diagnostics;
using Readout.Documents;
using Readout.Ingest;
using Readout.Pipeline;
using Readout.Store;

namespace Readout.Fuzz;

/// <summary>
/// Ingests real inputs, unmutated, down the path of `readout ingest` into a fresh SQLite store and reports
/// the slowest document (wall-clock and processor time) and the process's peak memory: the figures for
/// the bulk corpora.
/// </summary>
public static class Measure
{
    public static int Run(IReadOnlyList<string> paths, string db, Action<string> say)
    {
        var reader = new InputReader();
        var runner = new DocumentRunner(ReadoutPipeline.CreateDefault(), TextLimits.DocumentBudget, ErrorLog.Default());
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        using var store = new SqliteStore(db);
        int documents = 0, failed = 0;
        double slowest = 0, slowestCpu = 0;
        var slowestName = "";
        var total = Stopwatch.StartNew();
        var self = Process.GetCurrentProcess();
        foreach (var file in reader.Expand(paths, []))
            foreach (var item in reader.ReadAll(file))
            {
                if (item.Error is not null) { failed++; continue; }
                var raw = item.Document!;
                documents++;
                var watch = Stopwatch.StartNew();
                var cpu = self.TotalProcessorTime;
                try
                {
                    if (!store.HasDocument(raw.ContentHash)) store.SaveDocument(runner.Process(raw));
                }
                catch (ReadoutException e) { failed++; say("error " + e.Message); }
                self.Refresh();
                var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
                if (watch.Elapsed.TotalSeconds > slowest) { slowest = watch.Elapsed.TotalSeconds; slowestName = raw.Origin; }
                slowestCpu = Math.Max(slowestCpu, cpuSeconds);
                if (documents % 2000 == 0)
                    say($"{documents} documents in {total.Elapsed.TotalSeconds:F0} s; slowest so far {slowest:F2} s ({slowestName}), {slowestCpu:F2} s of processor time at most; peak memory {self.PeakWorkingSet64 / (1024 * 1024)} MB");
            }
        self.Refresh();
        say($"documents {documents}, failed {failed}, in {total.Elapsed.TotalSeconds:F0} s");
        say($"slowest document {slowest:F2} s ({slowestName}); most processor time on one document {slowestCpu:F2} s");
        say($"peak memory (working set) {self.PeakWorkingSet64 / (1024 * 1024)} MB");
        return 0;
    }
}
