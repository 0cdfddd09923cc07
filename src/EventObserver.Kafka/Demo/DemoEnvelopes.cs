using System.Text;
using System.Text.Json;
using Confluent.Kafka;

namespace EventObserver.Kafka.Demo;

/// <summary>Puts ids and types into headers or the body, the way each convention does it on the wire.</summary>
internal static class DemoEnvelopes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static (Headers Headers, byte[] Value) Build(HeaderConvention convention, DemoMessageMeta meta, object data)
    {
        var headers = new Headers();
        switch (convention)
        {
            case HeaderConvention.CloudEventsBinary:
                Add(headers, "ce_specversion", "1.0");
                Add(headers, "ce_id", meta.Id);
                Add(headers, "ce_type", meta.Type);
                Add(headers, "ce_source", "/shop/" + meta.Service);
                Add(headers, "ce_time", meta.Time.ToString("O"));
                Add(headers, "ce_subject", meta.OrderId);
                Add(headers, "ce_correlationid", meta.CorrelationId);
                AddOptional(headers, "ce_causationid", meta.CausationId);
                Add(headers, "content-type", "application/json");
                return (headers, Serialize(data));

            case HeaderConvention.CloudEventsStructured:
                Add(headers, "content-type", "application/cloudevents+json; charset=UTF-8");
                return (headers, Serialize(new Dictionary<string, object?>
                {
                    ["specversion"] = "1.0",
                    ["id"] = meta.Id,
                    ["type"] = meta.Type,
                    ["source"] = "/shop/" + meta.Service,
                    ["subject"] = meta.OrderId,
                    ["time"] = meta.Time.ToString("O"),
                    ["datacontenttype"] = "application/json",
                    ["correlationid"] = meta.CorrelationId,
                    ["causationid"] = meta.CausationId,
                    ["data"] = data,
                }));

            case HeaderConvention.PlainHeaders:
                Add(headers, "message-id", meta.Id);
                Add(headers, "message-type", meta.Type);
                Add(headers, "correlation-id", meta.CorrelationId);
                AddOptional(headers, "causation-id", meta.CausationId);
                Add(headers, "content-type", "application/json");
                return (headers, Serialize(data));

            case HeaderConvention.TraceParentOnly:
                // The correlation id doubles as the W3C trace id; nothing says which message caused this one.
                Add(headers, "traceparent", $"00-{meta.CorrelationId}-{SpanId()}-01");
                return (headers, Serialize(data));

            case HeaderConvention.NServiceBus:
                Add(headers, "NServiceBus.MessageId", meta.Id);
                Add(headers, "NServiceBus.CorrelationId", meta.CorrelationId);
                Add(headers, "NServiceBus.ConversationId", meta.CorrelationId);
                AddOptional(headers, "NServiceBus.RelatedTo", meta.CausationId);
                Add(headers, "NServiceBus.EnclosedMessageTypes", $"Shop.Notifications.Messages.{meta.Type}, Shop.Notifications.Messages, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null");
                Add(headers, "NServiceBus.OriginatingEndpoint", "Shop." + meta.Service);
                Add(headers, "NServiceBus.TimeSent", meta.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss:ffffff 'Z'"));
                Add(headers, "NServiceBus.ContentType", "application/json");
                return (headers, Serialize(data));

            default:
                throw new ArgumentOutOfRangeException(nameof(convention), convention, null);
        }
    }

    public static byte[] Serialize(object data) => JsonSerializer.SerializeToUtf8Bytes(data, Json);

    public static void Add(Headers headers, string key, string value) => headers.Add(key, Encoding.UTF8.GetBytes(value));

    private static void AddOptional(Headers headers, string key, string? value)
    {
        if (value is not null)
        {
            Add(headers, key, value);
        }
    }

    private static string SpanId() => Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()));
}
