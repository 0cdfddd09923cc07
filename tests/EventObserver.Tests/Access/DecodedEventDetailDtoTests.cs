using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using EventObserver.Features.Events;

namespace EventObserver.Tests.Access;

/// <summary>The API's event shapes of a schema-encoded value: its JSON view, how it was decoded, and the raw bytes unless withheld.</summary>
public sealed class DecodedEventDetailDtoTests
{
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly byte[] Frame = [0x00, 0x00, 0x00, 0x00, 0x2a, 0x02, 0x06];

    [Fact]
    public void ToDetail_DecodedAvro_GivesTheJsonViewTheDecodingAndTheRawBytes()
    {
        var root = Detail(Decoded("""{"orderId":"o-1","card":"4111111111111111"}"""));

        Assert.Equal("json", root.GetProperty("payloadEncoding").GetString());
        Assert.Equal("o-1", root.GetProperty("payload").GetProperty("orderId").GetString());
        Assert.Equal(Convert.ToBase64String(Frame), root.GetProperty("rawPayload").GetString());
        Assert.False(root.GetProperty("rawPayloadWithheld").GetBoolean());
        var decoding = root.GetProperty("decoding");
        Assert.Equal("Avro", decoding.GetProperty("format").GetString());
        Assert.Equal("Decoded", decoding.GetProperty("status").GetString());
        Assert.Equal(42, decoding.GetProperty("schemaId").GetInt32());
        Assert.Equal("payments-value", decoding.GetProperty("subject").GetString());
        Assert.Equal(3, decoding.GetProperty("version").GetInt32());
        Assert.Equal("shop.PaymentCaptured", decoding.GetProperty("typeName").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("keyDecoding").ValueKind);
    }

    [Fact]
    public void ToDetail_MaskedDecodedValue_WithholdsTheRawBytes()
    {
        var masker = new EventMasker(new MaskingOptions { Rules = [new MaskingRule { JsonPath = "$.card", Action = MaskingAction.KeepLast4 }] });

        var root = Detail(masker.Mask(Decoded("""{"orderId":"o-1","card":"4111111111111111"}""")));

        Assert.Equal("****1111", root.GetProperty("payload").GetProperty("card").GetString());
        Assert.True(root.GetProperty("rawPayloadWithheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("rawPayload").ValueKind);
        Assert.Equal(0, root.GetProperty("size").GetInt32());
        Assert.DoesNotContain("4111111111111111", root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToDetail_SchemaUnavailable_GivesTheRawBytesAsBase64AndTheError()
    {
        var root = Detail(Decoded(null));

        Assert.Equal("base64", root.GetProperty("payloadEncoding").GetString());
        Assert.Equal(Convert.ToBase64String(Frame), root.GetProperty("payload").GetString());
        Assert.Equal("SchemaUnavailable", root.GetProperty("decoding").GetProperty("status").GetString());
        Assert.Equal("registry timeout", root.GetProperty("decoding").GetProperty("error").GetString());
    }

    [Fact]
    public void ToSummary_DecodedValue_CarriesItsDecoding()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(EventDtoMapper.ToSummary(Decoded("{}")), Api));

        Assert.Equal("Avro", json.RootElement.GetProperty("decoding").GetProperty("format").GetString());
    }

    private static JsonElement Detail(EventEnvelope envelope)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(EventDtoMapper.ToDetail(envelope), Api));
        return json.RootElement.Clone();
    }

    private static EventEnvelope Decoded(string? json) => new()
    {
        Topic = "payments",
        Partition = 0,
        Offset = 3,
        TimestampMs = 0,
        MessageId = "m-3",
        Payload = Frame,
        PayloadFormat = PayloadFormat.Binary,
        DecodedPayload = json is null ? null : Encoding.UTF8.GetBytes(json),
        Decoding = json is null
            ? new PayloadDecoding { Format = SchemaFormat.Avro, Status = DecodeStatus.SchemaUnavailable, SchemaId = 42, Error = "registry timeout" }
            : new PayloadDecoding { Format = SchemaFormat.Avro, SchemaId = 42, Subject = "payments-value", Version = 3, TypeName = "shop.PaymentCaptured" },
    };
}
