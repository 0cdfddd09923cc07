using System.Text;
using Confluent.Kafka;
using EventObserver.Core.Envelopes;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Demo;

/// <summary>Produces demo messages; a failed send is logged and reported as null, never thrown.</summary>
/// <remarks>With <paramref name="schemas"/>, the payment and shipping services' events are Avro and Protobuf instead of JSON.</remarks>
internal sealed partial class DemoSender(IProducer<byte[], byte[]> producer, TimeProvider time, ILogger logger, DemoSchemaEncoder? schemas = null)
{
    private long _produced;

    public TimeProvider Time => time;

    public long MessagesProduced => Interlocked.Read(ref _produced);

    /// <summary>
    /// Sends a message labelled by <paramref name="convention"/> and returns the id the next message
    /// names as its causation: the message id, or, when the convention carries none, the position id
    /// (<c>topic/partition/offset</c>) that the decoder derives for it.
    /// </summary>
    public async Task<SentMessage?> SendAsync(
        string topic, HeaderConvention convention, string type, string service, OrderContext order, string? causationId, object data, CancellationToken cancellationToken)
    {
        var meta = new DemoMessageMeta(Guid.NewGuid().ToString(), type, service, order.OrderId, order.CorrelationId, causationId, time.GetUtcNow());
        var encoded = await EncodeAsync(topic, convention, meta, data, cancellationToken);
        if (encoded is null)
        {
            return null;
        }

        var (headers, value) = encoded.Value;
        var delivered = await ProduceAsync(topic, order.OrderId, value, headers, cancellationToken);
        if (delivered is null)
        {
            return null;
        }

        var id = convention == HeaderConvention.TraceParentOnly
            ? EventPosition.Format(delivered.Topic, delivered.Partition.Value, delivered.Offset.Value)
            : meta.Id;
        return new SentMessage(id, delivered);
    }

    private async Task<(Headers Headers, byte[] Value)?> EncodeAsync(
        string topic, HeaderConvention convention, DemoMessageMeta meta, object data, CancellationToken cancellationToken)
    {
        try
        {
            return (schemas is null ? null : await schemas.EncodeAsync(topic, convention, meta, data, cancellationToken))
                ?? DemoEnvelopes.Build(convention, meta, data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The registry refused or is gone: this order ends here, like a failed send.
            LogEncodeFailed(logger, topic, e.Message);
            return null;
        }
    }

    public async Task<DeliveryResult<byte[], byte[]>?> ProduceAsync(
        string topic, string? key, byte[]? value, Headers? headers, CancellationToken cancellationToken)
    {
        try
        {
            var delivered = await producer.ProduceAsync(
                topic,
                new Message<byte[], byte[]>
                {
                    Key = key is null ? null! : Encoding.UTF8.GetBytes(key),
                    Value = value!,
                    Headers = headers ?? [],
                },
                cancellationToken);
            Interlocked.Increment(ref _produced);
            return delivered;
        }
        catch (ProduceException<byte[], byte[]> e)
        {
            LogProduceFailed(logger, topic, e.Error.Reason);
            return null;
        }
        catch (KafkaException e)
        {
            LogProduceFailed(logger, topic, e.Error.Reason);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic: encoding a message for {Topic} failed: {Reason}")]
    private static partial void LogEncodeFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic: producing to {Topic} failed: {Reason}")]
    private static partial void LogProduceFailed(ILogger logger, string topic, string reason);
}
