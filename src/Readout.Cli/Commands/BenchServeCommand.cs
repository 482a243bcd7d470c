using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Readout.Evaluation;
using Readout.Pipeline;
using Readout.Server;
using Readout.Store;

namespace Readout.Cli.Commands;

/// <summary>
/// <c>readout bench-serve</c>: API latency on a large store. Fills a store with generated interactions
/// through the store's write path (fusion included), starts the real server on loopback and drives the
/// list, dyad summary, review queue and timeline-with-map endpoints with concurrent clients, printing the first
/// request's time, median and p99 latency and requests/s.
/// </summary>
public static class BenchServeCommand
{
    public static Command Build()
    {
        var records = new Option<int>("--records") { Description = "Interactions to generate (about 1.25 reports each)", DefaultValueFactory = _ => 50_000 };
        var seconds = new Option<int>("--seconds") { Description = "How long each endpoint is driven", DefaultValueFactory = _ => 30 };
        var clients = new Option<int>("--clients") { Description = "Concurrent client loops", DefaultValueFactory = _ => 32 };
        var keep = new Option<string?>("--store")
        {
            Description = "Keep the generated store in this file and reuse it when it is already there (default: a temporary file, removed afterwards)",
            HelpName = "FILE",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator and of the request mix", DefaultValueFactory = _ => 1 };
        var command = new Command("bench-serve",
            """
            Measure API latency: generate a store of N interactions (written through the store, with fusion), start
            the server on 127.0.0.1 and drive GET /api/interactions (a mix of pages, dyads, mode and date filters),
            GET /api/dyads/{a}/{b}, GET /api/review/queue and the timeline page with its overview and map (GET /)
            with concurrent HttpClient loops; print each endpoint's first request, median, p99 and requests/s.
            """);
        foreach (var o in new Option[] { records, seconds, clients, keep, seed }) command.Options.Add(o);
        command.SetAction(async (p, ct) =>
        {
            var kept = p.GetValue(keep);
            var path = kept ?? Path.Combine(Path.GetTempPath(), $"readout-bench-serve-{Environment.ProcessId}.db");
            try
            {
                await Fill(path, p.GetValue(records), p.GetValue(seed), ct);
                await Drive(path, p.GetValue(seconds), p.GetValue(clients), p.GetValue(seed), ct);
            }
            finally
            {
                if (kept is null)
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    foreach (var f in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(f)) File.Delete(f);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Generates until the store holds <paramref name="wanted"/> records: two generated interactions of the
    /// same leaders on the same day fuse into one record, so a few more are generated than records result.
    /// A store left by an earlier run is topped up, not rebuilt.
    /// </summary>
    private static Task Fill(string path, int wanted, int seed, CancellationToken ct)
    {
        using var store = new SqliteStore(path);
        var (docs, have) = store.Counts();
        if (have >= wanted)
        {
            Console.WriteLine($"store {path}: {have} records from {docs} reports (reused)");
            return Task.CompletedTask;
        }
        var lexicon = ReadoutPipeline.CreateDefault().Lexicon;
        var sw = Stopwatch.StartNew();
        var startDocs = docs;
        for (var batch = 0; have < wanted; batch++)
        {
            // each batch has its own seed and prefix, so a topped-up store gets new interactions, not repeats
            var generator = new StoreGenerator(lexicon, seed * 100_003 + have + batch);
            foreach (var result in generator.Generate(Math.Min(10_000, wanted - have), $"bench{have}-{batch}"))
            {
                ct.ThrowIfCancellationRequested();
                store.SaveDocument(result, CancellationToken.None);   // the store is filled whole; Ctrl+C stops between reports
            }
            (docs, have) = store.Counts();
            Console.Error.WriteLine($"  {have} records from {docs} reports, {sw.Elapsed.TotalSeconds:F0} s");
        }
        Console.WriteLine($"store {path}: {have} records from {docs} reports; {docs - startDocs} reports written in {sw.Elapsed.TotalSeconds:F1} s ({(docs - startDocs) / sw.Elapsed.TotalSeconds:F0} reports/s)");
        return Task.CompletedTask;
    }

    private static async Task Drive(string path, int seconds, int clients, int seed, CancellationToken ct)
    {
        var app = ReadoutServer.Build(new ReadoutServerOptions { DatabasePath = path, Port = 0 });
        await using var _ = app;
        await app.StartAsync(ct);
        var baseAddress = ReadoutServer.Address(app);

        // the dyads of a sample of records, so requests go to dyads that exist, busy and quiet alike
        var dyads = new List<(string A, string B)>();
        using (var reader = SqliteStore.OpenReader(path))
        {
            var all = reader.ListInteractions(new InteractionQuery(InteractionFilter.All, null, InteractionSort.DateDescending, 0, 1), ct).Total;
            var random = new Random(seed);
            for (var i = 0; i < 20; i++)
                foreach (var s in reader.ListInteractions(new InteractionQuery(InteractionFilter.All, null, InteractionSort.DateDescending, random.Next(Math.Max(1, all - 20)), 20), ct).Items)
                    if (s.Participants.Select(x => x.Country).Where(c => c is not null).Distinct().Order(StringComparer.Ordinal).ToList() is [var a, var b])
                        dyads.Add((a!, b!));
        }
        if (dyads.Count == 0) throw new InvalidOperationException("the store has no two-country records to drive the dyad endpoint with");
        Console.WriteLine($"server {baseAddress}; {clients} clients, {seconds} s per endpoint, {dyads.Count} dyads in the request mix; {Environment.ProcessorCount} cores shared by server and clients");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        string ListRequest(Random r)
        {
            var (a, b) = dyads[r.Next(dyads.Count)];
            return r.Next(4) switch
            {
                0 => $"/api/interactions?page={r.Next(1, 200)}",
                1 => $"/api/interactions?country={a}&country={b}",
                2 => $"/api/interactions?mode={(r.Next(2) == 0 ? "video" : "in_person")}&from={r.Next(2001, 2024)}&to=2025&page={r.Next(1, 5)}",
                _ => $"/api/interactions?country={a}&sort=-sources",
            };
        }
        string DyadRequest(Random r)
        {
            var (a, b) = dyads[r.Next(dyads.Count)];
            return $"/api/dyads/{a}/{b}";
        }
        string QueueRequest(Random r) => $"/api/review/queue?page={r.Next(1, 20)}";
        // the timeline page with its overview (over time, by mode and country, the map of in-person meetings)
        string MapRequest(Random r) => r.Next(3) switch
        {
            0 => "/",
            1 => $"/?country={dyads[r.Next(dyads.Count)].A}",
            _ => $"/?mode=in_person&from={r.Next(2001, 2024)}",
        };
        foreach (var (name, next) in new (string, Func<Random, string>)[]
        {
            ("list   GET /api/interactions", ListRequest), ("dyad   GET /api/dyads/{a}/{b}", DyadRequest),
            ("queue  GET /api/review/queue", QueueRequest), ("map    GET / with its overview and map", MapRequest),
        })
        {
            // the first request of the endpoint, before anything of it is cached or compiled
            var cold = Stopwatch.StartNew();
            using (var first = await http.GetAsync(next(new Random(seed)), ct)) first.EnsureSuccessStatusCode();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: first request {cold.Elapsed.TotalMilliseconds:F0} ms"));
            await Run(http, next, clients, TimeSpan.FromSeconds(2), seed, ct);   // warm-up: JIT, page cache, connections
            var (latencies, errors, elapsed) = await Run(http, next, clients, TimeSpan.FromSeconds(seconds), seed + 1, ct);
            latencies.Sort();
            double Pct(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {latencies.Count} requests in {elapsed.TotalSeconds:F1} s = {latencies.Count / elapsed.TotalSeconds:F0} req/s; median {Pct(0.50):F1} ms, p99 {Pct(0.99):F1} ms, max {latencies.LastOrDefault():F1} ms; {errors} errors"));
        }
        await app.StopAsync(CancellationToken.None);
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> Run(
        HttpClient http, Func<Random, string> next, int clients, TimeSpan duration, int seed, CancellationToken ct)
    {
        var all = new List<double>[clients];
        var errors = 0;
        var sw = Stopwatch.StartNew();
        var until = sw.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var random = new Random(seed * 1000 + c);
            var mine = all[c] = new List<double>(4096);
            while (sw.Elapsed < until && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(next(random), HttpCompletionOption.ResponseContentRead, ct);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.IsSuccessStatusCode) mine.Add(ms);
                else Interlocked.Increment(ref errors);
            }
        }));
        var elapsed = sw.Elapsed;
        return (all.SelectMany(x => x).ToList(), errors, elapsed);
    }
}
