using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// Encodes the payment service's events as Avro (Confluent's serializer, auto-registering under <c>&lt;topic&gt;-value</c>)
/// and the shipping service's as Protobuf with Confluent framing (headers as in JSON), against a schema registry (the embedded one in the demo).
/// Other messages stay JSON.
/// </summary>
internal sealed class DemoSchemaEncoder : IDisposable
{
    private const string AvroContentType = "application/vnd.apache.avro+binary";

    private readonly CachedSchemaRegistryClient _client;
    private readonly AvroSerializer<GenericRecord> _avro;
    private readonly SemaphoreSlim _registering = new(1, 1);
    private int _shippingSchemaId;

    public DemoSchemaEncoder(string registryUrl)
    {
        _client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = registryUrl });
        _avro = new AvroSerializer<GenericRecord>(_client, new AvroSerializerConfig { AutoRegisterSchemas = true });
    }

    /// <summary>The headers and bytes to send, or null when this message stays JSON.</summary>
    public async Task<(Headers Headers, byte[] Value)?> EncodeAsync(
        string topic, HeaderConvention convention, DemoMessageMeta meta, object data, CancellationToken cancellationToken)
    {
        switch (data)
        {
            case PaymentChargedData charged:
                return (PayloadIdHeaders(meta, AvroContentType), await SerializeAsync(topic, PaymentAvro.Build(meta, charged)));

            case PaymentFailedData failed:
                return (PayloadIdHeaders(meta, AvroContentType), await SerializeAsync(topic, PaymentAvro.Build(meta, failed)));

            case OrderShippedData shipped:
                var id = await ShippingSchemaIdAsync(topic, cancellationToken);
                var (headers, _) = DemoEnvelopes.Build(convention, meta, data);
                return (headers, ProtobufFrame.Build(id, ShippingProto.OrderShippedIndexes, ShippingProto.OrderShipped(shipped)));

            default:
                return null;
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _registering.Dispose();
    }

    /// <summary>
    /// Correlation, causation and the sending service in plain headers, the message's own id only in the payload's
    /// <c>eventId</c>: what links this event to the next is a payload field.
    /// </summary>
    private static Headers PayloadIdHeaders(DemoMessageMeta meta, string contentType)
    {
        var headers = new Headers();
        DemoEnvelopes.Add(headers, "source", meta.Service);
        DemoEnvelopes.Add(headers, "correlation-id", meta.CorrelationId);
        if (meta.CausationId is not null)
        {
            DemoEnvelopes.Add(headers, "causation-id", meta.CausationId);
        }

        DemoEnvelopes.Add(headers, "content-type", contentType);
        return headers;
    }

    private Task<byte[]> SerializeAsync(string topic, GenericRecord record) =>
        _avro.SerializeAsync(record, new SerializationContext(MessageComponentType.Value, topic));

    private async Task<int> ShippingSchemaIdAsync(string topic, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _shippingSchemaId) is var known and > 0)
        {
            return known;
        }

        await _registering.WaitAsync(cancellationToken);
        try
        {
            if (_shippingSchemaId == 0)
            {
                var id = await _client.RegisterSchemaAsync($"{topic}-value", new Schema(ShippingProto.Schema, SchemaType.Protobuf));
                Volatile.Write(ref _shippingSchemaId, id);
            }

            return _shippingSchemaId;
        }
        finally
        {
            _registering.Release();
        }
    }
}
