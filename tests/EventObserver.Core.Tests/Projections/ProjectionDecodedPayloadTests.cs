using System.Text;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Tests.Projections;

/// <summary>A projection's <c>e.data</c> and <c>e.text</c> are the JSON view of a schema-encoded value.</summary>
public sealed class ProjectionDecodedPayloadTests
{
    private const string SumScript = """
        ({
          $init: () => ({ total: 0, currencies: [] }),
          PaymentCaptured: (s, e) => ({ total: s.total + e.data.amountCents, currencies: [...s.currencies, e.data.money.currency] })
        })
        """;

    [Fact]
    public void Projection_AvroDecodedEvents_ReadTheirFieldsFromData()
    {
        var events = new[]
        {
            AvroDecoded(0, """{"orderId":"o-1","amountCents":1250,"money":{"currency":"EUR"}}"""),
            AvroDecoded(1, """{"orderId":"o-2","amountCents":300,"money":{"currency":"USD"}}"""),
        };

        var state = TestEvents.Run(SumScript, events).GetState()!;

        Assert.Equal(1550, state["total"]!.GetValue<int>());
        Assert.Equal(["EUR", "USD"], state["currencies"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public void Projection_AvroDecodedEvent_TextIsTheJsonView()
    {
        const string json = """{"orderId":"o-1"}""";

        var e = TestEvents.Run("({ $any: (s, e) => ({ text: e.text, prepared: e.data.orderId }) })", [AvroDecoded(0, json)]).GetState()!;

        Assert.Equal(json, e["text"]!.GetValue<string>());
        Assert.Equal("o-1", e["prepared"]!.GetValue<string>());
    }

    [Fact]
    public void Projection_ValueNotDecoded_HasNullData()
    {
        var undecoded = AvroDecoded(0, null);

        var e = TestEvents.Run("({ $any: (s, e) => ({ hasData: e.data !== null, text: e.text }) })", [undecoded]).GetState()!;

        Assert.False(e["hasData"]!.GetValue<bool>());
        Assert.Null(e["text"]);
    }

    private static EventEnvelope AvroDecoded(long offset, string? json) => new()
    {
        Topic = "payments",
        Partition = 0,
        Offset = offset,
        TimestampMs = TestEvents.BaseTimestampMs + offset,
        Payload = [0x00, 0x00, 0x00, 0x00, 0x2a, 0x02, 0x06],
        PayloadFormat = PayloadFormat.Binary,
        DecodedPayload = json is null ? null : Encoding.UTF8.GetBytes(json),
        Decoding = new PayloadDecoding
        {
            Format = SchemaFormat.Avro,
            Status = json is null ? DecodeStatus.SchemaUnavailable : DecodeStatus.Decoded,
            SchemaId = 42,
            TypeName = "EventObserver.Demo.Payments.PaymentCaptured",
        },
        MessageId = $"pay-{offset}",
        MessageType = "PaymentCaptured",
        Kind = MessageKind.Event,
    };
}
