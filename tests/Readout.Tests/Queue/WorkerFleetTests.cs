using System.Text;
using Readout.Tests.Store;
using Xunit;
using static Readout.Tests.TestPipeline;

namespace Readout.Tests.Queue;

/// <summary>
/// Issue 6, end to end on real servers: reports published to RabbitMQ with <c>ingest --queue</c>, stored
/// in PostgreSQL by several <c>readout worker</c> processes, must give exactly the records one process
/// gives on SQLite — also when a worker is killed, or the broker or the database restarts, mid-run.
/// </summary>
[Collection(FleetCollection.Name)]
public sealed class WorkerFleetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("readout-fleet-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Three_workers_on_seeds_dev_and_generated_reports_give_the_records_of_one_sqlite_process()
    {
        string[] inputs = [Shared("corpus", "seeds"), Shared("corpus", "dev"), Fleet.GeneratedReports(_folder, 2500, seed: 61)];
        using var db = Fleet.FreshDatabase();
        await using var queue = TestQueue.Create();
        var reference = Fleet.SingleProcessReference(_folder, inputs);
        Assert.True(reference.Export.Length > 500, $"only {reference.Export.Length} records in the reference");

        var published = Fleet.Cli(["ingest", "--queue", queue.Amqp, "--queue-name", queue.Name, .. inputs]);
        Assert.Contains("published 2517 documents", published.Stdout);
        using var workers = new Workers(Enumerable.Range(0, 3).Select(_ => new WorkerProcess(db.Db, queue)));
        await workers.WaitAllAsync();

        Assert.Equal(reference.Documents, Fleet.Documents(db));
        Assert.Equal(reference.Export, Fleet.Export(db.Db, _folder));
        Assert.Equal(0u, await queue.CountAsync(queue.Name));
        Assert.Equal(0u, await queue.CountAsync(queue.DeadLetter));
        // the work was shared: each worker stored some of the reports
        Assert.All(workers.Outputs, o => Assert.Matches(@"worker \d+: [1-9]\d* new", o));
    }

    [Fact]
    public async Task A_worker_killed_mid_batch_and_restarted_loses_and_duplicates_nothing()
    {
        var input = Fleet.GeneratedReports(_folder, 600, seed: 62);
        using var db = Fleet.FreshDatabase();
        await using var queue = TestQueue.Create();
        var reference = Fleet.SingleProcessReference(_folder, input);
        Fleet.Cli("ingest", "--queue", queue.Amqp, "--queue-name", queue.Name, input);

        using var victim = new WorkerProcess(db.Db, queue);
        using var other = new WorkerProcess(db.Db, queue);
        await Fleet.WaitForDocumentsAsync(db, 150);
        victim.KillHard();
        Assert.Equal(137, await victim.WaitAsync(TimeSpan.FromSeconds(30)));   // SIGKILL: it held unacknowledged reports
        Assert.True(Fleet.Documents(db) < reference.Documents, "the run was over before the kill");
        using var restarted = new WorkerProcess(db.Db, queue);
        using var rest = new Workers([other, restarted]);
        await rest.WaitAllAsync();

        Assert.Equal(reference.Documents, Fleet.Documents(db));
        Assert.Equal(reference.Export, Fleet.Export(db.Db, _folder));
        Assert.Equal(0u, await queue.CountAsync(queue.DeadLetter));
    }

    [Fact]
    public async Task Workers_reconnect_when_rabbitmq_restarts_and_finish_the_run()
    {
        var input = Fleet.GeneratedReports(_folder, 600, seed: 63);
        using var db = Fleet.FreshDatabase();
        await using var queue = TestQueue.Create();
        var reference = Fleet.SingleProcessReference(_folder, input);
        Fleet.Cli("ingest", "--queue", queue.Amqp, "--queue-name", queue.Name, input);

        using var workers = new Workers([new WorkerProcess(db.Db, queue), new WorkerProcess(db.Db, queue)]);
        await Fleet.WaitForDocumentsAsync(db, 100);
        try { Fleet.Service("stop-rabbitmq.sh"); }
        finally { Fleet.Service("start-rabbitmq.sh"); }
        await workers.WaitAllAsync();

        Assert.Equal(reference.Documents, Fleet.Documents(db));
        Assert.Equal(reference.Export, Fleet.Export(db.Db, _folder));
        Assert.All(workers.Outputs, o => Assert.Contains("RO5101", o));   // each saw the broker go and came back
    }

    [Fact]
    public async Task Workers_wait_for_postgresql_to_restart_and_finish_the_run()
    {
        var input = Fleet.GeneratedReports(_folder, 600, seed: 64);
        using var db = Fleet.FreshDatabase();
        await using var queue = TestQueue.Create();
        var reference = Fleet.SingleProcessReference(_folder, input);
        Fleet.Cli("ingest", "--queue", queue.Amqp, "--queue-name", queue.Name, input);

        using var workers = new Workers([new WorkerProcess(db.Db, queue), new WorkerProcess(db.Db, queue)]);
        await Fleet.WaitForDocumentsAsync(db, 100);
        try
        {
            Fleet.Service("stop-postgres.sh");
            await Task.Delay(TimeSpan.FromSeconds(3));   // the workers meet a closed port for a while
        }
        finally { Fleet.Service("start-postgres.sh"); }
        await workers.WaitAllAsync();

        Assert.Equal(reference.Documents, Fleet.Documents(db));
        Assert.Equal(reference.Export, Fleet.Export(db.Db, _folder));
        Assert.Equal(0u, await queue.CountAsync(queue.DeadLetter));
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_dead_letter_queue_with_its_error_and_the_rest_go_through()
    {
        var input = Fleet.GeneratedReports(_folder, 60, seed: 65);
        using var db = Fleet.FreshDatabase();
        await using var queue = TestQueue.Create();
        var reference = Fleet.SingleProcessReference(_folder, input);
        await queue.PublishRawAsync(Encoding.UTF8.GetBytes("this is not a report"), "poison-1");
        Fleet.Cli("ingest", "--queue", queue.Amqp, "--queue-name", queue.Name, input);
        await queue.PublishRawAsync(Encoding.UTF8.GetBytes("""{"uri":"empty.txt","content":"","format":"text","content_hash":"x"}"""), "poison-2");

        using var workers = new Workers([new WorkerProcess(db.Db, queue)]);
        await workers.WaitAllAsync();

        Assert.Equal(reference.Documents, Fleet.Documents(db));
        Assert.Equal(reference.Export, Fleet.Export(db.Db, _folder));
        Assert.Equal(0u, await queue.CountAsync(queue.Name));
        var dead = (await queue.DrainDeadLettersAsync()).OrderBy(d => d.Id).ToList();
        Assert.Equal(["poison-1", "poison-2"], dead.Select(d => d.Id));
        Assert.All(dead, d => Assert.Equal(3, d.Attempts));   // tried three times before giving up
        Assert.All(dead, d => Assert.StartsWith("RO5103 " + d.Id + ": the queued message is not a report", d.Error));
        Assert.Contains("2 dead-lettered", workers.Outputs.Single());
        Assert.Contains("RO5102 poison-1", workers.Outputs.Single());
    }

    /// <summary>Worker processes that must all stop by themselves (idle) with exit code 0.</summary>
    private sealed class Workers(IEnumerable<WorkerProcess> processes) : IDisposable
    {
        private readonly List<WorkerProcess> _all = processes.ToList();

        public IReadOnlyList<string> Outputs => _all.Select(w => w.Output).ToList();

        public async Task WaitAllAsync()
        {
            foreach (var w in _all)
            {
                var code = await w.WaitAsync(Fleet.Patience);
                Assert.True(code == 0, $"a worker exited {code}:\n{w.Output}");
            }
        }

        public void Dispose()
        {
            foreach (var w in _all) w.Dispose();
        }
    }
}
