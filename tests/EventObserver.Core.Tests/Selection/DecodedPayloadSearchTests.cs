using System.Text;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Tests.Selection;

/// <summary>Free-text search reads the JSON view of a schema-encoded value, never its raw bytes.</summary>
public sealed class DecodedPayloadSearchTests
{
    [Fact]
    public void Text_WordInTheDecodedJson_Matches()
    {
        var envelope = Decoded("""{"orderId":"o-77","customer":"Ada Lovelace"}""", raw: [0x00, 0x00, 0x00, 0x00, 0x01, 0x02]);

        Assert.True(new EventSelection { Text = "lovelace" }.Matches(envelope));
    }

    [Fact]
    public void Text_WordOnlyInTheRawBytesOfADecodedValue_DoesNotMatch()
    {
        // The Avro datum holds the string bytes verbatim; only the JSON view is searched.
        var envelope = Decoded("""{"n":1}""", raw: [0x00, 0x00, 0x00, 0x00, 0x01, .. Encoding.UTF8.GetBytes("needle")]);

        Assert.False(new EventSelection { Text = "needle" }.Matches(envelope));
    }

    [Fact]
    public void Text_ValueNotDecoded_DoesNotMatchItsBinaryBytes()
    {
        var envelope = Decoded(null, raw: [0x00, 0x00, 0x00, 0x00, 0x01, .. Encoding.UTF8.GetBytes("needle")]);

        Assert.False(new EventSelection { Text = "needle" }.Matches(envelope));
    }

    private static EventEnvelope Decoded(string? json, byte[] raw) => new()
    {
        Topic = "payments",
        Partition = 0,
        Offset = 1,
        TimestampMs = 1_700_000_000_000,
        Payload = raw,
        PayloadFormat = PayloadFormat.Binary,
        DecodedPayload = json is null ? null : Encoding.UTF8.GetBytes(json),
        Decoding = new PayloadDecoding { Format = SchemaFormat.Avro, Status = json is null ? DecodeStatus.SchemaUnavailable : DecodeStatus.Decoded, SchemaId = 1 },
        MessageId = "m-1",
    };
}
