using System.Text;
using System.Text.Json;

using EventObserver.Core.Envelopes;

namespace EventObserver.Tests.Lineage;

/// <summary>
/// Raw Kafka records of one three-step conversation (PlaceOrder → OrderPlaced → ChargePayment) written
/// the way each framework family writes them on the wire (DESIGN.md "Header conventions").
/// </summary>
public static class ConventionFamilies
{
    public static readonly string[] Names =
        ["cloudevents-binary", "cloudevents-structured", "nservicebus", "masstransit", "wolverine", "axon", "eventuous", "plain", "kurrentdb"];

    public static readonly string[] Types = ["PlaceOrder", "OrderPlaced", "ChargePayment"];

    /// <summary>Each family's own correlation id (a 32-hex-digit one, as a W3C trace id would be, for Axon).</summary>
    public static string Correlation(string family) => family == "axon" ? "0af7651916cd43dd8448eb211c80319c" : "corr-" + family;

    public static IReadOnlyList<RawRecord> Records(string family)
    {
        var correlation = Correlation(family);
        var records = new List<RawRecord>();
        string? previous = null;
        for (var step = 0; step < Types.Length; step++)
        {
            var topic = $"conv.{family}.step{step}";
            var id = $"{family}-m{step}";
            var type = Types[step];
            var (headers, body) = Wire(family, id, type, correlation, previous, topic);
            records.Add(new RawRecord
            {
                Topic = topic,
                Partition = 0,
                Offset = 0,
                TimestampMs = LineageMessages.BaseTime.ToUnixTimeMilliseconds() + step * 25,
                TimestampKind = TimestampKind.CreateTime,
                Key = Encoding.UTF8.GetBytes("order-1"),
                Value = body,
                Headers = [.. headers.Select(h => new EnvelopeHeader(h.Key, Encoding.UTF8.GetBytes(h.Value)))],
            });

            // KurrentDB-style metadata carries no message id: the next one names the derived position id.
            previous = family == "kurrentdb" ? $"{topic}/0/0" : id;
        }

        return records;
    }

    private static (List<(string Key, string Value)> Headers, byte[] Body) Wire(string family, string id, string type, string correlation, string? cause, string topic)
    {
        var data = Json(new Dictionary<string, object?> { ["orderId"] = "order-1" });
        var h = new List<(string, string)>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                h.Add((key, value));
            }
        }

        switch (family)
        {
            case "cloudevents-binary":
                Add("ce_specversion", "1.0");
                Add("ce_id", id);
                Add("ce_type", type);
                Add("ce_source", "/shop/orders");
                Add("ce_correlationid", correlation);
                Add("ce_causationid", cause);
                Add("content-type", "application/json");
                return (h, data);
            case "cloudevents-structured":
                Add("content-type", "application/cloudevents+json; charset=UTF-8");
                return (h, Json(new Dictionary<string, object?>
                {
                    ["specversion"] = "1.0", ["id"] = id, ["type"] = type, ["source"] = "/shop/orders",
                    ["correlationid"] = correlation, ["causationid"] = cause, ["data"] = new { orderId = "order-1" },
                }));
            case "nservicebus":
                Add("NServiceBus.MessageId", id);
                Add("NServiceBus.CorrelationId", correlation);
                Add("NServiceBus.ConversationId", correlation);
                Add("NServiceBus.RelatedTo", cause);
                Add("NServiceBus.EnclosedMessageTypes", $"Shop.Messages.{type}, Shop.Messages, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null");
                Add("NServiceBus.OriginatingEndpoint", "Shop.Orders");
                return (h, data);
            case "masstransit":
                Add("MessageId", id);
                Add("CorrelationId", correlation);
                Add("ConversationId", correlation);
                Add("InitiatorId", cause);
                Add("MT-MessageType", $"urn:message:Shop.Messages:{type}");
                return (h, data);
            case "wolverine":
                Add("id", id);
                Add("correlation-id", correlation);
                Add("conversation-id", correlation);
                Add("parent-id", cause);
                Add("message-type", type);
                Add("source", "orders");
                return (h, data);
            case "axon":
                Add("axon-message-id", id);
                Add("axon-message-type", "com.shop.messages." + type);
                Add("axon-metadata-traceId", correlation);
                Add("axon-metadata-correlationId", cause ?? id);
                return (h, data);
            case "eventuous":
                Add("eventuous.message-id", id);
                Add("eventuous.message-type", type);
                Add("eventuous.correlation-id", correlation);
                Add("eventuous.causation-id", cause);
                return (h, data);
            case "plain":
                Add("message-id", id);
                Add("message-type", type);
                Add("correlation-id", correlation);
                Add("causation-id", cause);
                return (h, data);
            case "kurrentdb":
                return (h, Json(new Dictionary<string, object?>
                {
                    ["type"] = type, ["orderId"] = "order-1", ["$correlationId"] = correlation, ["$causationId"] = cause,
                }));
            default:
                throw new ArgumentOutOfRangeException(nameof(family), family, $"no wire format for {topic}");
        }
    }

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);
}
