using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Readout.Documents;

namespace Readout.Queue;

/// <summary>
/// The RabbitMQ side of a worker fleet: one durable work queue of reports (persistent JSON messages, one
/// raw report each) and its dead-letter queue (<c>NAME.dead</c>), where a report that failed
/// <see cref="MaxAttempts"/> times is kept with its last error in the <c>x-readout-error</c> header.
/// </summary>
public static class ReportQueue
{
    public const string DefaultName = "readout.reports";
    public const string AttemptsHeader = "x-readout-attempts";
    public const string ErrorHeader = "x-readout-error";
    public const int MaxAttempts = 3;

    public static string DeadLetterName(string queue) => queue + ".dead";

    // a message's metadata is generated at build time (ReportQueueJsonContext): the natively compiled CLI has no reflection
    private static readonly JsonTypeInfo<RawDocument> Json = (JsonTypeInfo<RawDocument>)new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = ReportQueueJsonContext.Default,
    }.GetTypeInfo(typeof(RawDocument));

    public static byte[] Encode(RawDocument raw) => JsonSerializer.SerializeToUtf8Bytes(raw, Json);

    /// <exception cref="ReadoutException">RO5103 when the body is not a report.</exception>
    public static RawDocument Decode(ReadOnlySpan<byte> body, string messageId)
    {
        try
        {
            var raw = JsonSerializer.Deserialize(body, Json);
            if (raw is null || string.IsNullOrEmpty(raw.Uri) || string.IsNullOrEmpty(raw.Content) || string.IsNullOrEmpty(raw.ContentHash) || string.IsNullOrEmpty(raw.Format))
                throw new JsonException("uri, content, format and content_hash are required");
            return raw;
        }
        catch (JsonException e)
        {
            throw new ReadoutException(ErrorCodes.BadMessage, messageId, "the queued message is not a report (" + e.Message + "); publish reports with 'readout ingest --queue'", e);
        }
    }

    /// <summary>A connection factory for an <c>amqp://user:password@host:port/vhost</c> address.</summary>
    /// <exception cref="ReadoutException">RO5101 for an address that is not an AMQP URI.</exception>
    public static ConnectionFactory Factory(string amqp, string clientName)
    {
        try
        {
            return new ConnectionFactory
            {
                Uri = new Uri(amqp),
                ClientProvidedName = clientName,
                // the worker reconnects by itself (see QueueWorker), so it knows when deliveries are void
                AutomaticRecoveryEnabled = false,
                RequestedHeartbeat = TimeSpan.FromSeconds(10),
            };
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException)
        {
            throw new ReadoutException(ErrorCodes.QueueUnavailable, amqp, "not an AMQP address (" + e.Message + "); give amqp://user:password@host:port/", e);
        }
    }

    /// <summary>Declares the work queue and its dead-letter queue (both durable; declaring again is harmless).</summary>
    public static async Task DeclareAsync(IChannel channel, string queue, CancellationToken ct)
    {
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: ct);
        await channel.QueueDeclareAsync(DeadLetterName(queue), durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: ct);
    }

    /// <summary>Failures of the broker or the network, after which a new connection may succeed.</summary>
    public static bool IsConnectionFailure(Exception e) =>
        e is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or ConnectFailureException
            or IOException or System.Net.Sockets.SocketException or TimeoutException;

    public static string? HeaderString(IReadOnlyBasicProperties p, string name) =>
        p.Headers is not null && p.Headers.TryGetValue(name, out var v) ? v switch
        {
            byte[] b => Encoding.UTF8.GetString(b),
            null => null,
            _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
        } : null;

    public static int HeaderInt(IReadOnlyBasicProperties p, string name) =>
        int.TryParse(HeaderString(p, name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}

/// <summary>Publishes reports to the work queue, each confirmed by the broker before the next counts as sent.</summary>
public sealed class ReportPublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private ReportPublisher(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    /// <exception cref="ReadoutException">RO5101 when the broker cannot be reached.</exception>
    public static async Task<ReportPublisher> ConnectAsync(string amqp, string queue, CancellationToken ct)
    {
        var factory = ReportQueue.Factory(amqp, "readout-ingest");
        IConnection? connection = null;
        try
        {
            connection = await factory.CreateConnectionAsync(ct);
            var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            await ReportQueue.DeclareAsync(channel, queue, ct);
            return new ReportPublisher(connection, channel, queue);
        }
        catch (Exception e) when (ReportQueue.IsConnectionFailure(e))
        {
            if (connection is not null) await connection.DisposeAsync();
            throw new ReadoutException(ErrorCodes.QueueUnavailable, RedactedAddress(amqp),
                "cannot reach RabbitMQ (" + e.Message + "); check that it runs (scripts/services/start-rabbitmq.sh) and that --queue names it", e);
        }
    }

    /// <summary>Publishes one report as a persistent message; returns once the broker has confirmed it.</summary>
    public async Task PublishAsync(RawDocument raw, CancellationToken ct)
    {
        var props = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            MessageId = raw.ContentHash,
            Headers = new Dictionary<string, object?> { [ReportQueue.AttemptsHeader] = 0 },
        };
        await _channel.BasicPublishAsync("", _queue, mandatory: false, props, ReportQueue.Encode(raw), ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>An AMQP address fit for an error message: the password is left out.</summary>
    public static string RedactedAddress(string amqp) =>
        System.Text.RegularExpressions.Regex.Replace(amqp, "(://[^:/@]*:)[^@]*@", "$1***@");
}

/// <summary>A queued report's serialisation metadata, generated at build time (<see cref="ReportQueue"/> uses it).</summary>
[JsonSerializable(typeof(RawDocument))]
internal sealed partial class ReportQueueJsonContext : JsonSerializerContext;
