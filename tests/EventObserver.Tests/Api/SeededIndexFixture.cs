using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Kafka.Admin;
using EventObserver.Tests.Infrastructure;

namespace EventObserver.Tests.Api;

/// <summary>One app per test class, its index seeded with a small shop conversation, a binary record and a tombstone.</summary>
public sealed class SeededIndexFixture : IDisposable
{
    public const string OrdersTopic = "shop.orders-v1";
    public const string PaymentsTopic = "shop.payments";
    public const string OddTopic = "odd_binary.data-2";
    public const string EmptyTopic = "empty-topic";
    public const string Correlation = "conv-1";

    public static readonly byte[] BinaryPayload = [0x00, 0x01, 0xfe, 0xff, 0x80];

    public SeededIndexFixture()
    {
        Factory.Cluster.Topics =
        [
            new ClusterTopic(OrdersTopic, 3, 3),
            new ClusterTopic(PaymentsTopic, 2, 2),
            new ClusterTopic(OddTopic, 1, 2),
            new ClusterTopic(EmptyTopic, 4, 0),
        ];
        Factory.Seed(
            Envelopes.Json(OrdersTopic, 0, "PlaceOrder", MessageKind.Command, """{"orderId":"o-1","items":[{"sku":"A","qty":2}]}""", key: "o-1", correlationId: Correlation,
                headers: [new EnvelopeHeader("correlation-id", Encoding.UTF8.GetBytes(Correlation)), new EnvelopeHeader("empty", null)]),
            Envelopes.Json(OrdersTopic, 1, "OrderPlaced", MessageKind.Event, """{"orderId":"o-1"}""", key: "o-1", correlationId: Correlation, causationId: "shop.orders-v1-0-0"),
            Envelopes.Json(OrdersTopic, 2, "OrderPlaced", MessageKind.Event, """{"orderId":"o-2"}""", key: "o-2", correlationId: "conv-2"),
            Envelopes.Json(PaymentsTopic, 3, "ChargePayment", MessageKind.Command, """{"orderId":"o-1"}""", key: "o-1", correlationId: Correlation, causationId: "shop.orders-v1-0-1"),
            Envelopes.Json(PaymentsTopic, 4, "PaymentCharged", MessageKind.Event, """{"orderId":"o-1","amount":12.5}""", key: "o-1", correlationId: Correlation, causationId: "shop.payments-0-3"),
            Envelopes.Binary(OddTopic, 5, BinaryPayload),
            new EventEnvelope
            {
                Topic = OddTopic,
                Partition = 0,
                Offset = 6,
                TimestampMs = Envelopes.BaseTime.AddSeconds(6).ToUnixTimeMilliseconds(),
                Payload = null,
                PayloadFormat = PayloadFormat.Tombstone,
                MessageId = $"{OddTopic}/0/6",
                MessageIdDerived = true,
            });
        Client = Factory.CreateClient();
    }

    public const int SeededCount = 7;

    public SeededAppFactory Factory { get; } = new();

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
