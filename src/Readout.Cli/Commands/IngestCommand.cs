using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
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

        var timeLimit = new Option<int>("--time-limit")
        {
            Description = "Longest time one document may take to process, in seconds; a document over it fails with RO1010 and the rest go on",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => (int)TextLimits.DocumentBudget.TotalSeconds,
        };
        timeLimit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0) r.AddError("--time-limit must be a positive number of seconds");
        });

        var queue = QueueOptions.Address("Publish the reports to this RabbitMQ broker (amqp://user:password@host:port/) for 'readout worker' instead of processing them here");
        var queueName = QueueOptions.Name();
        var web = new WebOptions();

        var command = new Command("ingest",
            """
            Read reports and store the interactions they describe. Reports already in the database (same
            content) are skipped, so re-running over a folder only adds what is new. Web pages are fetched
            politely (see --per-host) and their responses kept in the database as evidence. Files may be gzipped
            (a.jsonl.gz); a .jsonl file is read a line at a time, and a bad line is one error. With --queue the
            reports are read and checked here and published to the work queue; workers process and store them.
            Exit codes: 0 all inputs read, 2 some inputs failed (each is reported on stderr, the rest are
            stored), 1 usage error or the database cannot be opened or written (the run stops), 130 interrupted.
            """);
        command.Arguments.Add(paths);
        command.Options.Add(maxSize);
        command.Options.Add(timeLimit);
        command.Options.Add(queue);
        command.Options.Add(queueName);
        web.AddTo(command);
        command.SetAction(async (p, ct) => p.GetValue(queue) is { Length: > 0 } amqp
            ? await PublishAsync(amqp, p.GetValue(queueName)!, p.GetValue(paths)!, p.GetValue(maxSize), web.Read(p, p.GetValue(maxSize)), ct)
            : Run(p.GetValue(db)!, p.GetValue(paths)!, p.GetValue(maxSize), web.Read(p, p.GetValue(maxSize)), TimeSpan.FromSeconds(p.GetValue(timeLimit)), ct));
        return command;
    }

    private sealed class Tally
    {
        public int New, Known, Failed, Interactions;
    }

    /// <summary>Where a report is: its input (by index), its place in that input, and how many reports the input holds (0: unknown).</summary>
    private readonly record struct Position(int File, int Index, int Count);

    private static int Run(string dbPath, string[] paths, int maxMb, FetchOptions fetch, TimeSpan timeLimit, CancellationToken ct)
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
            line = Terminal.Safe(line);
            if (live) pending.Add(line); else Console.Error.WriteLine(line);
        }

        var tally = new Tally();
        foreach (var f in failures)
        {
            Report("error " + f.Error.Message);
            tally.Failed++;
        }

        using var services = Cli.Services(timeLimit);
        var ingest = services.GetRequiredService<IngestService>();
        var interrupted = false;
        ReadoutException? storeError = null;

        // every report of every input, in order, tagged with its input and its place in it for the progress bar
        IEnumerable<(InputItem, Position)> Items()
        {
            for (var n = 0; n < files.Count; n++)
            {
                var count = live ? Lines(files[n]) : 0;
                var done = 0;
                foreach (var item in web.ReadAll(reader, files[n], ct)) yield return (item, new Position(n, done++, count));
            }
        }
        void Tally(IngestItemResult<Position> r)
        {
            switch (r.Outcome)
            {
                case IngestOutcome.Failed: Report("error " + r.Error!.Message); tally.Failed++; break;
                case IngestOutcome.Known: tally.Known++; break;
                default: tally.New++; tally.Interactions += r.Interactions; break;
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
                        string Failed() => tally.Failed > 0 ? $" [red]({tally.Failed} failed)[/]" : "";
                        string Name(int n) => Markup.Escape(Terminal.Safe(Shorten(files[n] == "-" ? "stdin" : Path.GetFileName(files[n]))));
                        task.Description = Name(0);
                        // progress is reported per document, so that a JSON Lines file of thousands of reports moves the bar as it goes
                        ingest.IngestAll(store, Items(), r =>
                        {
                            Tally(r);
                            var (file, done, count) = r.Tag;
                            task.Value = file + (count >= 2 ? Math.Min(1, (double)(done + 1) / count) : 0);
                            task.Description = count >= 2 ? $"{Name(file)} {done + 1}/{count}{Failed()}" : $"{Name(file)} {done + 1}{Failed()}";
                        }, ct);
                        task.Value = files.Count;
                    });
            }
            else
            {
                ingest.IngestAll(store, Items(), Tally, ct);
            }
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
        }
        catch (ReadoutException e) when (e.Code is ErrorCodes.Store or ErrorCodes.StoreUnavailable)
        {
            storeError = e.For(store.Name);
        }

        foreach (var line in pending) Console.Error.WriteLine(line);
        var total = tally.New + tally.Known + tally.Failed;
        Console.Out.WriteLine($"read {total} document{(total == 1 ? "" : "s")}: {tally.New} new, {tally.Known} already known, {tally.Failed} failed; {tally.Interactions} interaction{(tally.Interactions == 1 ? "" : "s")} found");
        if (storeError is not null)
        {
            Cli.Error(storeError);
            Console.Error.WriteLine("stopped: the database cannot be written, so the rest was not read; the documents counted above as new are stored");
            return ExitCodes.Error;
        }
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
                foreach (var item in web.ReadAll(reader, file, ct))
                {
                    if (item.Error is { } e) { Console.Error.WriteLine(Terminal.Safe("error " + e.Message)); failed++; continue; }
                    await publisher.PublishAsync(item.Document!, ct);
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

        /// <summary>A file's reports one at a time (a bad record is one error and the file goes on), or a fetched page.</summary>
        public IEnumerable<InputItem> ReadAll(InputReader reader, string input, CancellationToken ct)
        {
            if (!FetchOptions.IsWebAddress(input)) return reader.ReadAll(input);
            _fetcher ??= new PageFetcher(options);
            try { return [new InputItem(new WebReader(_fetcher).ReadAsync(input, ct).GetAwaiter().GetResult(), null)]; }
            catch (ReadoutException e) { return [new InputItem(null, e)]; }
        }

        public void Dispose() => _fetcher?.Dispose();
    }

    /// <summary>The records a JSON Lines file holds, for the progress bar (0 when it cannot tell: gzipped, a web page, standard input).</summary>
    private static int Lines(string file)
    {
        if (FetchOptions.IsWebAddress(file) || file == "-" || !file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) return 0;
        try
        {
            using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 16];
            int read, lines = 0;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) lines += buffer.AsSpan(0, read).Count((byte)'\n');
            return lines;
        }
        catch (IOException) { return 0; }   // the reader itself names the file when it cannot be read
        catch (UnauthorizedAccessException) { return 0; }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : "…" + s[^39..];
}
