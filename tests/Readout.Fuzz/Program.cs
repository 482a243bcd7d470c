using System.Globalization;
using Readout.Fuzz;

// readout-fuzz documents --count N [--seed S] [--out DIR] [--hang SECONDS, default 30] CORPUS...
// readout-fuzz queries --url URL --count N [--seed S] [--slow SECONDS] [--ids FILE]
// readout-fuzz measure DB PATH...   (real inputs, unmutated: slowest document and peak memory)
Readout.Pipeline.TextLimits.Apply();
if (args.Length > 1 && args[0] == "measure") return Measure.Run(args[2..], args[1], Console.WriteLine);
if (args.Length == 0 || args[0] is not ("documents" or "queries"))
{
    Console.Error.WriteLine("usage: readout-fuzz documents --count N [--seed S] [--out DIR] [--hang SECONDS, default 30] CORPUS...\n       readout-fuzz queries --url URL --count N [--seed S] [--slow SECONDS] [--ids FILE]");
    return 1;
}
var options = new Dictionary<string, string>(StringComparer.Ordinal);
var positional = new List<string>();
for (var i = 1; i < args.Length; i++)
{
    if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) options[args[i]] = args[++i];
    else positional.Add(args[i]);
}
int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
double Seconds(string name, double fallback) => options.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
var count = Int("--count", 1000);
var seed = Int("--seed", 12);
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

if (args[0] == "documents")
{
    var seeds = Seeds.Load(positional);
    var output = options.GetValueOrDefault("--out", "fuzz-findings");
    var work = Path.Combine(Path.GetTempPath(), $"readout-fuzz-{Environment.ProcessId}");
    Console.WriteLine($"fuzzing {count} inputs mutated from {seeds.Count} seed documents (seed {seed}); findings kept in {output}");
    var report = new DocumentFuzzer(seeds, work, output, TimeSpan.FromSeconds(Seconds("--hang", 30))).Run(count, seed, Console.WriteLine, cts.Token);
    try { Directory.Delete(work, true); } catch (IOException) { /* a leftover temp folder is harmless */ }
    foreach (var f in report.Findings) Console.WriteLine(f);
    Console.WriteLine($"inputs {report.Inputs}, documents {report.Documents}, stored {report.Stored}, named errors {report.NamedErrors} ({string.Join(", ", report.ErrorCodes.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))})");
    Console.WriteLine($"slowest document {report.SlowestSeconds:F2} s: {report.SlowestInput}; most processor time on one document {report.SlowestCpuSeconds:F2} s");
    Console.WriteLine($"crashes {report.Crashes}, hangs {report.Hangs}, errors not naming their document {report.Unnamed}, internal errors (RO9000) {report.Internal}");
    return report.Crashes + report.Hangs + report.Unnamed + report.Internal == 0 ? 0 : 2;
}
else
{
    var ids = options.TryGetValue("--ids", out var idFile) ? File.ReadAllLines(idFile).Where(l => l.Length > 0).ToList() : [];
    var fuzzer = new QueryFuzzer(new Uri(options["--url"]), TimeSpan.FromSeconds(Seconds("--slow", 2)));
    var report = await fuzzer.RunAsync(count, seed, ids, Console.WriteLine, cts.Token);
    foreach (var f in report.Findings.Take(200)) Console.WriteLine(f);
    Console.WriteLine($"requests {report.Requests}; statuses {string.Join(", ", report.Statuses.Select(k => $"{k.Key}: {k.Value}"))}");
    Console.WriteLine($"slowest request {report.SlowestSeconds:F2} s: {report.SlowestRequest}");
    Console.WriteLine($"server errors (5xx other than 503, or no answer) {report.ServerErrors}, requests over the limit {report.Slow}");
    return report.ServerErrors + report.Slow == 0 ? 0 : 2;
}
