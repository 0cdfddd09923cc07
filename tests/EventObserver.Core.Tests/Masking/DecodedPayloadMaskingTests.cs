using System.Text;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;

using static EventObserver.Core.Tests.Masking.MaskingEvents;

namespace EventObserver.Core.Tests.Masking;

/// <summary>Rules apply to the JSON view of a schema-encoded value; when they change it, its raw bytes are withheld.</summary>
public sealed class DecodedPayloadMaskingTests
{
    private static readonly byte[] Frame = [0x00, 0x00, 0x00, 0x00, 0x2a, .. Encoding.UTF8.GetBytes("4111111111111111")];

    [Fact]
    public void Mask_JsonPathInTheDecodedView_MasksItAndWithholdsTheRawBytes()
    {
        var envelope = Decoded("""{"orderId":"o-1","card":"4111111111111111"}""");

        var masked = Masker(Path("$.card", MaskingAction.Remove)).Mask(envelope);

        Assert.Equal("""{"orderId":"o-1"}""", Encoding.UTF8.GetString(masked.DecodedPayload!));
        Assert.Empty(masked.Payload!);
        Assert.True(RawPayloadWithheld.Is(masked));
        Assert.Equal(envelope.Decoding, masked.Decoding);
        Assert.Equal(PayloadFormat.Binary, masked.PayloadFormat);
        Assert.Contains(masked.Masked, f => f.Kind == MaskedFieldKind.JsonPath && f.Target == "$.card");
    }

    [Fact]
    public void Mask_PatternInADecodedStringValue_MasksTheViewAndWithholdsTheRawBytes()
    {
        var envelope = Decoded("""{"note":"card 4111111111111111 used"}""");

        var masked = Masker(Pattern(@"\d{16}")).Mask(envelope);

        Assert.DoesNotContain("4111111111111111", Encoding.UTF8.GetString(masked.DecodedPayload!), StringComparison.Ordinal);
        Assert.True(RawPayloadWithheld.Is(masked));
    }

    [Fact]
    public void Mask_RuleMatchesNothingInTheView_KeepsTheSameEnvelopeWithItsRawBytes()
    {
        var envelope = Decoded("""{"orderId":"o-1"}""");

        var masked = Masker(Path("$.card")).Mask(envelope);

        Assert.Same(envelope, masked);
        Assert.False(RawPayloadWithheld.Is(masked));
    }

    [Fact]
    public void Mask_OnlyAHeaderMatches_KeepsTheRawBytesAndTheView()
    {
        var envelope = Decoded("""{"orderId":"o-1"}""", ("x-user", "ada"));

        var masked = Masker(Header("x-user")).Mask(envelope);

        Assert.Equal(Frame, masked.Payload);
        Assert.Equal(envelope.DecodedPayload, masked.DecodedPayload);
        Assert.Equal(envelope.Decoding, masked.Decoding);
        Assert.NotEqual("ada", HeaderText(masked, "x-user"));
    }

    [Fact]
    public void Mask_ValueNotDecoded_LeavesItsBinaryBytesAlone()
    {
        var envelope = Decoded(null);

        var masked = Masker(Path("$.card"), Pattern(@"\d{16}")).Mask(envelope);

        Assert.Same(envelope, masked);
        Assert.Equal(Frame, masked.Payload);
    }

    [Fact]
    public void Mask_AlreadyWithheldEventMaskedAgain_StaysWithheld()
    {
        var masker = Masker(Path("$.card"));
        var once = masker.Mask(Decoded("""{"card":"4111111111111111"}"""));

        var twice = masker.Mask(once);

        Assert.True(RawPayloadWithheld.Is(twice));
        Assert.DoesNotContain("4111", Encoding.UTF8.GetString(twice.DecodedPayload!), StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_DecodedValue_KeepsEveryFieldButPayloadViewHeadersAndMasked()
    {
        var e = Decoded("""{"card":"4111111111111111"}""");
        var original = new EventEnvelope
        {
            Topic = e.Topic, Partition = e.Partition, Offset = e.Offset, TimestampMs = e.TimestampMs, Payload = e.Payload,
            PayloadFormat = e.PayloadFormat, DecodedPayload = e.DecodedPayload, Decoding = e.Decoding, MessageId = e.MessageId,
            KeyBytes = [0x00, 0x00, 0x00, 0x00, 0x07], Key = "o-1", KeyFormat = KeyFormat.Text,
            KeyDecoding = new PayloadDecoding { Format = SchemaFormat.Avro, SchemaId = 7 }, MessageType = "PaymentCaptured",
        };

        var masked = Masker(Path("$.card")).Mask(original);

        string[] changed = [nameof(EventEnvelope.Payload), nameof(EventEnvelope.DecodedPayload), nameof(EventEnvelope.JsonPayload), nameof(EventEnvelope.Masked)];
        foreach (var property in typeof(EventEnvelope).GetProperties().Where(p => !changed.Contains(p.Name)))
        {
            Assert.Equal(property.GetValue(original), property.GetValue(masked));
        }
    }

    private static EventEnvelope Decoded(string? json, params (string Key, string Value)[] headers) => new()
    {
        Topic = "payments",
        Partition = 0,
        Offset = 3,
        TimestampMs = 1_700_000_000_000,
        Payload = Frame,
        PayloadFormat = PayloadFormat.Binary,
        DecodedPayload = json is null ? null : Encoding.UTF8.GetBytes(json),
        Decoding = new PayloadDecoding { Format = SchemaFormat.Avro, Status = json is null ? DecodeStatus.SchemaUnavailable : DecodeStatus.Decoded, SchemaId = 42 },
        Headers = [.. headers.Select(h => new EnvelopeHeader(h.Key, Encoding.UTF8.GetBytes(h.Value)))],
        MessageId = "m-3",
    };
}
