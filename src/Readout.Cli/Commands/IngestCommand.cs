using System.CommandLine;
using Readout.Documents;
using Readout.Ingest;
using Readout.Ingest.Fetch;
using Readout.Pipeline;
using Spectre.Console;

namespace Readout.Cli.Commands;

/// <summary><c>readout ingest PATH...</c>: read reports, extract interactions, store them.</summary>
public static class IngestCommand
{
    public static Command Build(Option<string> db)
    {
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files or folders to read (.txt .html .md .json .jsonl; folders are walked), http(s) addresses of pages to fetch; '-' reads standard input",
        };
        var maxSize = WebOptions.MaxSize("Largest file or page to read, in MB");

        var queue = QueueOptions.Address("Publish the reports to this RabbitMQ broker (amqp://user:password@host:port/) for 'readout worker' instead of processing them here");
        var queueName = QueueOptions.Name();
        var web = new WebOptions();

        var command = new Command("ingest",
            """
            Read reports and store the interactions they describe. Reports already in the database (same
            content) are skipped, so re-running over a folder only adds what is new. Web pages are fetched
            politely (see --per-host) and their responses kept in the database as evidence. With --queue the reports
            are read and checked here and published to the work queue; workers process and store them.
            Exit codes: 0 all inputs read, 2 some inputs failed (each is reported on stderr, the rest are
            stored), 1 usage error or the database cannot be opened, 130 interrupted.
            """);
        command.Arguments.Add(paths);
        command.Options.Add(maxSize);
        command.Options.Add(queue);
        command.Options.Add(queueName);
        web.AddTo(command);
        command.SetAction(async (p, ct) => p.GetValue(queue) is { Length: > 0 } amqp
            ? await PublishAsync(amqp, p.GetValue(queueName)!, p.GetValue(paths)!, p.GetValue(maxSize), web.Read(p, p.GetValue(maxSize)), ct)
            : Run(p.GetValue(db)!, p.GetValue(paths)!, p.GetValue(maxSize), web.Read(p, p.GetValue(maxSize)), ct));
        return command;
    }

    private sealed class Tally
    {
        public int New, Known, Failed, Interactions;
    }

    private static int Run(string dbPath, string[] paths, int maxMb, FetchOptions fetch, CancellationToken ct)
    {
        var reader = new InputReader(maxMb * 1024L * 1024L);
        var failures = new List<InputFailure>();
        var files = Inputs(reader, paths, failures);
        using var web = new WebInputs(fetch);

        using var store = Cli.Open(dbPath);
        if (store is null) return ExitCodes.Error;

        // On a terminal a progress bar owns the screen, so error lines wait until it is done.
        var live = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        var pending = new List<string>();
        void Report(string line)
        {
            if (live) pending.Add(line); else Console.Error.WriteLine(line);
        }

        var tally = new Tally();
        foreach (var f in failures)
        {
            Report("error " + f.Error.Message);
            tally.Failed++;
        }

        var pipeline = new Lazy<ReadoutPipeline>(ReadoutPipeline.CreateDefault);
        var interrupted = false;

        // progress is reported per document, so that a JSON Lines file of thousands of reports moves the bar as it goes
        void IngestFile(string file, Action<int, int>? progress = null)
        {
            IReadOnlyList<RawDocument> docs;
            try { docs = web.Read(reader, file, ct); }
            catch (ReadoutException e) { Report("error " + e.Message); tally.Failed++; return; }

            var done = 0;
            foreach (var raw in docs)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Invoke(done++, docs.Count);
                try
                {
                    if (store.HasDocument(raw.ContentHash)) { tally.Known++; continue; }
                    var result = pipeline.Value.Process(raw, ct);
                    store.SaveDocument(result);
                    tally.New++;
                    tally.Interactions += result.Interactions.Count;
                }
                catch (ReadoutException e) { Report("error " + e.Message); tally.Failed++; }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Report($"error {ErrorCodes.Internal} {raw.Uri}: internal error ({e.GetType().Name}: {e.Message}); please report it");
                    tally.Failed++;
                }
            }
        }

        try
        {
            if (live && files.Count > 0)
            {
                AnsiConsole.Progress()
                    .AutoClear(true)
                    .HideCompleted(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("ingesting", maxValue: files.Count);
                        for (var n = 0; n < files.Count; n++)
                        {
                            var name = Markup.Escape(Shorten(files[n] == "-" ? "stdin" : Path.GetFileName(files[n])));
                            string Failed() => tally.Failed > 0 ? $" [red]({tally.Failed} failed)[/]" : "";
                            task.Description = name + Failed();
                            var fileIndex = n;
                            IngestFile(files[n], (done, count) =>
                            {
                                if (count < 2) return;
                                task.Value = fileIndex + (double)done / count;
                                task.Description = $"{name} {done + 1}/{count}{Failed()}";
                            });
                            task.Value = n + 1;
                        }
                    });
            }
            else
            {
                foreach (var file in files) IngestFile(file);
            }
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
        }

        foreach (var line in pending) Console.Error.WriteLine(line);
        var total = tally.New + tally.Known + tally.Failed;
        Console.Out.WriteLine($"read {total} document{(total == 1 ? "" : "s")}: {tally.New} new, {tally.Known} already known, {tally.Failed} failed; {tally.Interactions} interaction{(tally.Interactions == 1 ? "" : "s")} found");
        if (interrupted)
        {
            Console.Error.WriteLine("interrupted: the documents above are stored, the rest were not read");
            return ExitCodes.Interrupted;
        }
        return tally.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    /// <summary>Reads the inputs as ingest does (the same errors for bad files) and publishes each report to the work queue.</summary>
    private static async Task<int> PublishAsync(string amqp, string queueName, string[] paths, int maxMb, FetchOptions fetch, CancellationToken ct)
    {
        var reader = new InputReader(maxMb * 1024L * 1024L);
        var failures = new List<InputFailure>();
        var files = Inputs(reader, paths, failures);
        using var web = new WebInputs(fetch);
        int published = 0, failed = 0;
        foreach (var f in failures) { Console.Error.WriteLine("error " + f.Error.Message); failed++; }
        try
        {
            await using var publisher = await Readout.Queue.ReportPublisher.ConnectAsync(amqp, queueName, ct);
            foreach (var file in files)
            {
                IReadOnlyList<RawDocument> docs;
                try { docs = web.Read(reader, file, ct); }
                catch (ReadoutException e) { Console.Error.WriteLine("error " + e.Message); failed++; continue; }
                foreach (var raw in docs)
                {
                    await publisher.PublishAsync(raw, ct);
                    published++;
                }
            }
        }
        catch (ReadoutException e)
        {
            Cli.Error(e);
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            Console.Out.WriteLine($"published {published} document{(published == 1 ? "" : "s")} to {queueName} before the interruption; {failed} failed");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (Readout.Queue.ReportQueue.IsConnectionFailure(e))
        {
            Cli.Error(ErrorCodes.QueueUnavailable, Readout.Queue.ReportPublisher.RedactedAddress(amqp),
                $"the connection to RabbitMQ was lost after {published} documents ({e.Message}); publish again: reports already stored are skipped by the workers");
            return ExitCodes.Error;
        }
        Console.Out.WriteLine($"published {published} document{(published == 1 ? "" : "s")} to {queueName}: {failed} failed");
        return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    /// <summary>The inputs in the order given: web addresses as they are, paths expanded to their files.</summary>
    private static List<string> Inputs(InputReader reader, string[] paths, List<InputFailure> failures) =>
        paths.SelectMany(p => FetchOptions.IsWebAddress(p) ? [p] : reader.Expand([p], failures)).ToList();

    /// <summary>Reads files with the input reader and fetches web addresses, with one fetcher made on first use.</summary>
    private sealed class WebInputs(FetchOptions options) : IDisposable
    {
        private PageFetcher? _fetcher;

        public IReadOnlyList<RawDocument> Read(InputReader reader, string input, CancellationToken ct)
        {
            if (!FetchOptions.IsWebAddress(input)) return reader.Read(input);
            _fetcher ??= new PageFetcher(options);
            return [new WebReader(_fetcher).ReadAsync(input, ct).GetAwaiter().GetResult()];
        }

        public void Dispose() => _fetcher?.Dispose();
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : "…" + s[^39..];
}
