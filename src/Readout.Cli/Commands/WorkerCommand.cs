using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Readout.Documents;
using Readout.Pipeline;
using Readout.Queue;

namespace Readout.Cli.Commands;

/// <summary><c>readout worker --queue amqp://... --db postgres://...</c>: one member of a worker fleet.</summary>
public static class WorkerCommand
{
    public static Command Build(Option<string> db)
    {
        var queue = QueueOptions.Address("The RabbitMQ work queue's broker: amqp://user:password@host:port/ (default: $READOUT_QUEUE)");
        queue.Required = Environment.GetEnvironmentVariable("READOUT_QUEUE") is not { Length: > 0 };
        var queueName = QueueOptions.Name();
        var prefetch = new Option<int>("--prefetch")
        {
            Description = "Reports the worker may hold unacknowledged at once",
            DefaultValueFactory = _ => 4,
        };
        prefetch.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError("--prefetch must be between 1 and 1000"); });
        var idle = new Option<double?>("--exit-when-idle")
        {
            Description = "Stop once the queue has been empty for this many seconds (default: run until stopped)",
            HelpName = "SECONDS",
        };
        var command = new Command("worker",
            """
            Consume reports from a RabbitMQ queue (published with 'readout ingest --queue'), run the pipeline on
            each and store it in --db (a PostgreSQL database shared by all workers). A report is acknowledged only
            after its transaction commits; one that fails three times goes to the dead-letter queue NAME.dead with
            its error. Start as many workers as the machines have cores; stop one with Ctrl+C or SIGTERM.
            Exit codes: 0 stopped when idle or interrupted, 1 the database or the broker cannot be reached.
            """);
        command.Options.Add(queue);
        command.Options.Add(queueName);
        command.Options.Add(prefetch);
        command.Options.Add(idle);
        command.SetAction(async (p, ct) =>
        {
            var amqp = p.GetValue(queue) ?? Environment.GetEnvironmentVariable("READOUT_QUEUE")!;
            using var store = Cli.Open(p.GetValue(db)!, retryWindow: TimeSpan.FromSeconds(30));
            if (store is null) return ExitCodes.Error;
            var options = new WorkerOptions(amqp, p.GetValue(queueName)!, p.GetValue(prefetch),
                p.GetValue(idle) is { } s ? TimeSpan.FromSeconds(s) : null, TimeSpan.FromMinutes(5));
            // as before the ingest service, a worker gives a report no time budget of its own
            using var services = Cli.Services(Readout.Pipeline.TextLimits.DocumentBudget);   // a hostile report fails alone (RO1010) and goes to the dead-letter queue after its retries
            var worker = new QueueWorker(store, services.GetRequiredService<IngestService>(), options, Console.Error);
            Console.Error.WriteLine($"worker {Environment.ProcessId}: consuming {options.Queue} into {store.Name}");
            var code = ExitCodes.Ok;
            try { await worker.RunAsync(ct); }
            catch (OperationCanceledException) { Console.Error.WriteLine("interrupted: reports not yet acknowledged go back to the queue"); }
            catch (ReadoutException e) { Cli.Error(e); code = ExitCodes.Error; }
            Console.Out.WriteLine($"worker {Environment.ProcessId}: {worker.Tally}");
            return code;
        });
        return command;
    }
}

/// <summary>The options naming a queue, shared by <c>worker</c> and <c>ingest --queue</c>.</summary>
internal static class QueueOptions
{
    public static Option<string?> Address(string description) => new("--queue")
    {
        Description = description,
        HelpName = "AMQP-URL",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("READOUT_QUEUE") is { Length: > 0 } q ? q : null,
    };

    public static Option<string> Name() => new("--queue-name")
    {
        Description = "The work queue's name (its dead-letter queue is NAME.dead)",
        HelpName = "NAME",
        DefaultValueFactory = _ => ReportQueue.DefaultName,
    };
}
