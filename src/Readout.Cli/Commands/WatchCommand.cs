using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Readout.Documents;
using Readout.Ingest.Feeds;
using Readout.Ingest.Fetch;
using Readout.Pipeline;
using Readout.Queue;

namespace Readout.Cli.Commands;

/// <summary><c>readout watch FEED... [--feeds FILE]</c>: follow RSS and Atom feeds, ingesting each new item once.</summary>
public static class WatchCommand
{
    public static Command Build(Option<string> db)
    {
        var feeds = new Argument<string[]>("feeds")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Addresses of RSS 2.0 or Atom 1.0 feeds",
        };
        var files = new Option<string[]>("--feeds", "-f")
        {
            Description = "A file listing feeds, one a line as 'URL [INTERVAL]' (# starts a comment); repeat for several",
            HelpName = "FILE",
        };
        var interval = new Option<string>("--interval")
        {
            Description = "How often to poll a feed that has no interval of its own: 90s, 15m, 2h, 1d",
            HelpName = "INTERVAL",
            DefaultValueFactory = _ => "15m",
        };
        interval.Validators.Add(r =>
        {
            if (FeedList.ParseInterval(r.GetValueOrDefault<string>() ?? "") is null)
                r.AddError($"--interval expects a duration such as 90s, 15m, 2h or 1d, at least {FeedList.MinInterval.TotalSeconds:0}s");
        });
        var once = new Option<bool>("--once") { Description = "Poll each feed that is due once, then stop (for cron)" };
        var parallel = new Option<int>("--parallel")
        {
            Description = "Feeds polled at the same time",
            HelpName = "N",
            DefaultValueFactory = _ => 4,
        };
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 64) r.AddError("--parallel must be between 1 and 64"); });
        var maxSize = WebOptions.MaxSize("Largest page or feed to read, in MB");
        var web = new WebOptions();
        var queue = QueueOptions.Address("Publish each new item's page to this RabbitMQ broker for 'readout worker' instead of processing it here (seen items are still kept in --db)");
        var queueName = QueueOptions.Name();

        var command = new Command("watch",
            """
            Follow RSS 2.0 and Atom feeds: poll each on its interval with conditional requests (ETag,
            Last-Modified), fetch each new item's page once and ingest it, and remember every item seen in the
            database, so that a restart neither misses nor repeats items. Polls that fail back off (the interval
            doubled per failure in a row, up to 6 hours). Runs until Ctrl+C or SIGTERM; --once polls each due
            feed once, for cron. Exit codes: 0 every poll and item succeeded, 2 some feeds or items failed (each
            is reported on stderr), 1 usage error or the database or queue cannot be used, 130 interrupted.
            """);
        command.Arguments.Add(feeds);
        command.Options.Add(files);
        command.Options.Add(interval);
        command.Options.Add(once);
        command.Options.Add(parallel);
        command.Options.Add(maxSize);
        web.AddTo(command);
        command.Options.Add(queue);
        command.Options.Add(queueName);
        command.SetAction(async (p, ct) =>
        {
            IReadOnlyList<FeedSubscription> subscriptions;
            try
            {
                subscriptions = FeedList.Read(p.GetValue(feeds) ?? [], p.GetValue(files) ?? [], FeedList.ParseInterval(p.GetValue(interval)!)!.Value);
            }
            catch (ReadoutException e) { Cli.Error(e); return ExitCodes.Error; }
            if (subscriptions.Count == 0)
            {
                Console.Error.WriteLine("watch needs at least one feed: readout watch URL... or --feeds FILE");
                return ExitCodes.Error;
            }
            var options = new WatchOptions(p.GetValue(once), p.GetValue(parallel));
            return await RunAsync(p.GetValue(db)!, subscriptions, options, web.Read(p, p.GetValue(maxSize)), p.GetValue(queue), p.GetValue(queueName)!, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(string db, IReadOnlyList<FeedSubscription> subscriptions, WatchOptions options,
        FetchOptions fetch, string? amqp, string queueName, CancellationToken ct)
    {
        using var store = Cli.Open(db);
        if (store is null) return ExitCodes.Error;
        using var gate = new StoreGate(store);
        using var services = Cli.Services(Readout.Pipeline.TextLimits.DocumentBudget);   // a hostile page fails alone (RO1010), never stalls the watch
        using var fetcher = new PageFetcher(fetch);
        ReportPublisher? publisher = null;
        QueueSink? queueSink = null;
        var code = ExitCodes.Ok;
        var watcher = (FeedWatcher?)null;
        try
        {
            IReportSink sink;
            if (amqp is { Length: > 0 })
            {
                publisher = await ReportPublisher.ConnectAsync(amqp, queueName, ct);
                sink = queueSink = new QueueSink(gate, publisher);
            }
            else sink = new StoreSink(gate, services.GetRequiredService<IngestService>());
            watcher = new FeedWatcher(fetcher, gate, sink, Console.Out, Console.Error, options);
            Console.Out.WriteLine($"watching {subscriptions.Count} feed{(subscriptions.Count == 1 ? "" : "s")} into {(publisher is null ? store.Name : queueName)}"
                + (options.Once ? " (once)" : "; stop with Ctrl+C"));
            await watcher.RunAsync(subscriptions, ct);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("interrupted: the items above are stored; a poll cut short is read again next time, without repeating them");
            code = ExitCodes.Interrupted;
        }
        catch (ReadoutException e)
        {
            Cli.Error(e);
            code = ExitCodes.Error;
        }
        finally
        {
            queueSink?.Dispose();
            if (publisher is not null) await publisher.DisposeAsync();
        }
        if (watcher is not null)
        {
            Console.Out.WriteLine("watch: " + watcher.Tally);
            if (code == ExitCodes.Ok && (watcher.Tally.FailedPolls > 0 || watcher.Tally.Failed > 0)) code = ExitCodes.SomeFailed;
        }
        return code;
    }
}
