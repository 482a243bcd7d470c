using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Readout.Documents;
using Readout.Pipeline;
using Readout.Store;

namespace Readout.Queue;

/// <summary>How a worker consumes: where from, how many unacknowledged reports it may hold, and when it stops by itself.</summary>
/// <param name="IdleExit">Stop once no report has come for this long and the queue is empty (null: run until stopped).</param>
/// <param name="BrokerWait">How long to keep trying to reach a broker that has gone away before giving up.</param>
public sealed record WorkerOptions(string Amqp, string Queue, int Prefetch, TimeSpan? IdleExit, TimeSpan BrokerWait);

/// <summary>What a worker did: reports stored, already known, sent back for another attempt, dead-lettered.</summary>
public sealed class WorkerTally
{
    private int _new, _known, _retried, _deadLettered, _interactions;
    public int New => _new;
    public int Known => _known;
    public int Retried => _retried;
    public int DeadLettered => _deadLettered;
    public int Interactions => _interactions;
    internal void Stored(int interactions) { Interlocked.Increment(ref _new); Interlocked.Add(ref _interactions, interactions); }
    internal void AlreadyKnown() => Interlocked.Increment(ref _known);
    internal void Retry() => Interlocked.Increment(ref _retried);
    internal void Dead() => Interlocked.Increment(ref _deadLettered);
    public override string ToString() => $"{New} new, {Known} already known, {Retried} sent back for another attempt, {DeadLettered} dead-lettered; {Interactions} interactions found";
}

/// <summary>
/// Consumes reports from the work queue, ingests each (<see cref="IngestService.Ingest"/>: skipped when known,
/// else the pipeline and a save to the store), and only
/// then acknowledges the message: a worker that dies before the commit leaves the report to be delivered
/// again, and one that dies after it leaves a report that is already stored (saving it again changes
/// nothing). A report that fails is published again with its attempt count, and after
/// <see cref="ReportQueue.MaxAttempts"/> failures to the dead-letter queue with its error. When the
/// database cannot be reached the report is returned to the queue untouched (not the report's fault);
/// when the broker goes away the worker connects again.
/// </summary>
public sealed class QueueWorker(IReadoutStore store, IngestService ingest, WorkerOptions options, TextWriter log)
{
    private int _busy;
    private long _lastActivityTicks = DateTime.UtcNow.Ticks;

    public WorkerTally Tally { get; } = new();

    /// <exception cref="ReadoutException">RO5101 when the broker cannot be reached for <see cref="WorkerOptions.BrokerWait"/>.</exception>
    public async Task RunAsync(CancellationToken ct)
    {
        var factory = ReportQueue.Factory(options.Amqp, $"readout-worker-{Environment.ProcessId}");
        DateTime? brokerLostAt = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            IConnection? connection = null;
            try
            {
                connection = await factory.CreateConnectionAsync(ct);
                brokerLostAt = null;
                if (await ConsumeUntilClosedOrIdleAsync(connection, ct)) return;
                log.WriteLine($"error {ErrorCodes.QueueUnavailable} {ReportPublisher.RedactedAddress(options.Amqp)}: the connection to RabbitMQ was lost; connecting again");
            }
            catch (Exception e) when (ReportQueue.IsConnectionFailure(e))
            {
                brokerLostAt ??= DateTime.UtcNow;
                if (DateTime.UtcNow - brokerLostAt > options.BrokerWait)
                    throw new ReadoutException(ErrorCodes.QueueUnavailable, ReportPublisher.RedactedAddress(options.Amqp),
                        $"cannot reach RabbitMQ for {options.BrokerWait.TotalSeconds:0} s ({e.Message}); check that it runs (scripts/services/start-rabbitmq.sh) and that --queue names it", e);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
            finally
            {
                if (connection is not null) await DisposeQuietlyAsync(connection);
            }
        }
    }

    /// <summary>Consumes on one connection; true when the worker stopped because it was idle, false when the connection closed.</summary>
    private async Task<bool> ConsumeUntilClosedOrIdleAsync(IConnection connection, CancellationToken ct)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, _) => { closed.TrySetResult(); return Task.CompletedTask; };
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        channel.ChannelShutdownAsync += (_, _) => { closed.TrySetResult(); return Task.CompletedTask; };
        await ReportQueue.DeclareAsync(channel, options.Queue, ct);
        await channel.BasicQosAsync(0, (ushort)Math.Clamp(options.Prefetch, 1, ushort.MaxValue), false, ct);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            Interlocked.Increment(ref _busy);
            try { await HandleAsync(channel, delivery, ct); }
            finally
            {
                Interlocked.Exchange(ref _lastActivityTicks, DateTime.UtcNow.Ticks);
                Interlocked.Decrement(ref _busy);
            }
        };
        await channel.BasicConsumeAsync(options.Queue, autoAck: false, consumer, ct);
        while (!closed.Task.IsCompleted)
        {
            await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromMilliseconds(250), ct));
            ct.ThrowIfCancellationRequested();
            if (options.IdleExit is { } idle && Volatile.Read(ref _busy) == 0
                && DateTime.UtcNow - new DateTime(Interlocked.Read(ref _lastActivityTicks), DateTimeKind.Utc) > idle
                && !closed.Task.IsCompleted)
            {
                var state = await channel.QueueDeclarePassiveAsync(options.Queue, ct);
                if (state.MessageCount == 0 && Volatile.Read(ref _busy) == 0) return true;
            }
        }
        return false;
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        var body = delivery.Body.ToArray();
        var props = delivery.BasicProperties;
        var messageId = props.MessageId ?? $"delivery-{delivery.DeliveryTag}";
        try
        {
            try
            {
                var raw = ReportQueue.Decode(body, messageId);
                var ingested = ingest.Ingest(store, raw, ct);
                if (ingested.Outcome == IngestOutcome.New) Tally.Stored(ingested.Interactions);
                else Tally.AlreadyKnown();
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct);
            }
            catch (ReadoutException e) when (e.Code == ErrorCodes.StoreUnavailable)
            {
                // the database is down, which is not the report's fault: give it back untouched and wait a little
                log.WriteLine("error " + e.Message);
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, ct);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException && !ReportQueue.IsConnectionFailure(e))
            {
                await FailAsync(channel, delivery, body, messageId, e, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping: the report is not acknowledged, so the broker gives it to another worker
        }
        catch (Exception e) when (ReportQueue.IsConnectionFailure(e))
        {
            log.WriteLine($"error {ErrorCodes.QueueUnavailable} {messageId}: the connection went away before the report was acknowledged ({e.Message}); it will be delivered again");
        }
    }

    /// <summary>Sends a failed report back for another attempt, or to the dead-letter queue with its error once it has failed too often.</summary>
    private async Task FailAsync(IChannel channel, BasicDeliverEventArgs delivery, byte[] body, string messageId, Exception e, CancellationToken ct)
    {
        var error = e is ReadoutException re ? re.Message : $"{ErrorCodes.Internal} {messageId}: internal error ({e.GetType().Name}: {e.Message})";
        var attempts = ReportQueue.HeaderInt(delivery.BasicProperties, ReportQueue.AttemptsHeader) + 1;
        var dead = attempts >= ReportQueue.MaxAttempts;
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (delivery.BasicProperties.Headers is { } old)
            foreach (var (k, v) in old) headers[k] = v;
        headers[ReportQueue.AttemptsHeader] = attempts;
        headers[ReportQueue.ErrorHeader] = error;
        var props = new BasicProperties
        {
            Persistent = true,
            ContentType = delivery.BasicProperties.ContentType,
            MessageId = delivery.BasicProperties.MessageId,
            Headers = headers,
        };
        // published (and confirmed) before the original is acknowledged: a crash in between leaves a
        // duplicate message, never a lost one, and a duplicate report is stored once
        await channel.BasicPublishAsync("", dead ? ReportQueue.DeadLetterName(options.Queue) : options.Queue, mandatory: false, props, body, ct);
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct);
        if (dead)
        {
            Tally.Dead();
            log.WriteLine($"error {ErrorCodes.DeadLettered} {messageId}: failed {attempts} times, moved to {ReportQueue.DeadLetterName(options.Queue)}; last error: {error}");
        }
        else
        {
            Tally.Retry();
            log.WriteLine($"error {error} (attempt {attempts} of {ReportQueue.MaxAttempts}; queued again)");
        }
    }

    private async Task DisposeQuietlyAsync(IConnection connection)
    {
        try { await connection.DisposeAsync(); }
        catch (Exception e) when (ReportQueue.IsConnectionFailure(e))
        {
            log.WriteLine($"warning {ErrorCodes.QueueUnavailable}: closing a broken connection failed ({e.Message})");
        }
    }
}
