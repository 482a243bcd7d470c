using System.CommandLine;
using Readout.Documents;
using Readout.Ingest;
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
            Description = "Files or folders to read (.txt .html .md .json .jsonl; folders are walked); '-' reads standard input",
        };
        var maxSize = new Option<int>("--max-size")
        {
            Description = "Largest file to read, in MB",
            HelpName = "MB",
            DefaultValueFactory = _ => (int)(InputReader.DefaultMaxBytes / (1024 * 1024)),
        };
        maxSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0) r.AddError("--max-size must be a positive number of MB");
        });

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

        var command = new Command("ingest",
            """
            Read reports and store the interactions they describe. Reports already in the database (same
            content) are skipped, so re-running over a folder only adds what is new. Files may be gzipped
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
        command.SetAction(async (p, ct) => p.GetValue(queue) is { Length: > 0 } amqp
            ? await PublishAsync(amqp, p.GetValue(queueName)!, p.GetValue(paths)!, p.GetValue(maxSize), ct)
            : Run(p.GetValue(db)!, p.GetValue(paths)!, p.GetValue(maxSize), TimeSpan.FromSeconds(p.GetValue(timeLimit)), ct));
        return command;
    }

    private sealed class Tally
    {
        public int New, Known, Failed, Interactions;
    }

    /// <summary>The store could not be written: the run stops, since every later report would fail the same way.</summary>
    private sealed class StoreFailed(ReadoutException error) : Exception(error.Message)
    {
        public ReadoutException Error { get; } = error;
    }

    private static int Run(string dbPath, string[] paths, int maxMb, TimeSpan timeLimit, CancellationToken ct)
    {
        var reader = new InputReader(maxMb * 1024L * 1024L);
        var failures = new List<InputFailure>();
        var files = reader.Expand(paths, failures).ToList();

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

        var runner = new Lazy<DocumentRunner>(() => DocumentRunner.CreateDefault(timeLimit));
        var interrupted = false;
        ReadoutException? storeError = null;

        T Store<T>(RawDocument raw, Func<T> write)
        {
            try { return write(); }
            catch (ReadoutException e) when (e.Code is ErrorCodes.Store or ErrorCodes.StoreUnavailable) { throw new StoreFailed(e.For(store.Name)); }
            catch (Exception e) when (e is not (OperationCanceledException or ReadoutException))
            {
                throw new StoreFailed(new ReadoutException(ErrorCodes.Store, store.Name, $"cannot be written while storing {raw.Origin}: {e.Message}", e));
            }
        }

        void IngestFile(string file)
        {
            foreach (var item in reader.ReadAll(file))
            {
                ct.ThrowIfCancellationRequested();
                if (item.Error is { } readError) { Report("error " + readError.Message); tally.Failed++; continue; }
                var raw = item.Document!;
                if (Store(raw, () => store.HasDocument(raw.ContentHash))) { tally.Known++; continue; }
                DocumentResult result;
                try { result = runner.Value.Process(raw, ct); }
                catch (ReadoutException e) { Report("error " + e.Message); tally.Failed++; continue; }
                Store(raw, () => { store.SaveDocument(result, ct); return true; });
                tally.New++;
                tally.Interactions += result.Interactions.Count;
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
                        foreach (var file in files)
                        {
                            task.Description = Markup.Escape(Terminal.Safe(Shorten(file == "-" ? "stdin" : Path.GetFileName(file))))
                                + (tally.Failed > 0 ? $" [red]({tally.Failed} failed)[/]" : "");
                            IngestFile(file);
                            task.Increment(1);
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
        catch (StoreFailed e)
        {
            storeError = e.Error;
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
    private static async Task<int> PublishAsync(string amqp, string queueName, string[] paths, int maxMb, CancellationToken ct)
    {
        var reader = new InputReader(maxMb * 1024L * 1024L);
        var failures = new List<InputFailure>();
        var files = reader.Expand(paths, failures).ToList();
        int published = 0, failed = 0;
        foreach (var f in failures) { Console.Error.WriteLine("error " + f.Error.Message); failed++; }
        try
        {
            await using var publisher = await Readout.Queue.ReportPublisher.ConnectAsync(amqp, queueName, ct);
            foreach (var file in files)
            {
                foreach (var item in reader.ReadAll(file))
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

    private static string Shorten(string s) => s.Length <= 40 ? s : "…" + s[^39..];
}
