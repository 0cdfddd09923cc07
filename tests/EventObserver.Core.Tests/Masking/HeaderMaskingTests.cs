using System.Text;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using static EventObserver.Core.Tests.Masking.MaskingEvents;

namespace EventObserver.Core.Tests.Masking;

public sealed class HeaderMaskingTests
{
    private const string Payload = """{"amount":10}""";

    [Theory]
    [InlineData(MaskingAction.Mask, "****")]
    [InlineData(MaskingAction.KeepLast4, "****1111")]
    public void MaskOrKeepLast4_Header_ReplacesItsValue(MaskingAction action, string expected)
    {
        var masked = Masker(Header("x-card", action)).Mask(Json(Payload, headers: ("x-card", "4111111111111111")));

        Assert.Equal(expected, HeaderText(masked, "x-card"));
        Assert.Equal(Payload, PayloadText(masked));
    }

    [Fact]
    public void Hash_Header_EqualsTheHashOfTheSameTextInAJsonPayload()
    {
        var masker = Masker(Header("x-customer", MaskingAction.Hash), Path("$.customer", MaskingAction.Hash));

        var fromHeader = HeaderText(masker.Mask(Json(Payload, headers: ("x-customer", "c-42"))), "x-customer");
        var fromPayload = PayloadText(masker.Mask(Json("""{"customer":"c-42"}""")));

        Assert.Matches("^sha256:[0-9a-f]{64}$", fromHeader);
        Assert.Equal("{\"customer\":\"" + fromHeader + "\"}", fromPayload);
    }

    [Fact]
    public void Remove_Header_RemovesEveryOccurrenceAndKeepsTheOthersInOrder()
    {
        var envelope = Json(Payload, headers: [("a", "1"), ("X-Token", "t1"), ("b", "2"), ("x-token", "t2"), ("c", "3")]);

        var masked = Masker(Header("x-token", MaskingAction.Remove)).Mask(envelope);

        Assert.Equal(["a", "b", "c"], masked.Headers.Select(h => h.Key));
        Assert.Contains(new MaskedField(MaskedFieldKind.Header, "x-token", MaskingAction.Remove), masked.Masked);
    }

    [Fact]
    public void DuplicateHeader_EveryOccurrenceIsMasked()
    {
        var envelope = Json(Payload, headers: [("x-card", "4111111111111111"), ("x-card", "5500000000000004")]);

        var masked = Masker(Header("X-CARD", MaskingAction.KeepLast4)).Mask(envelope);

        Assert.Equal(["****1111", "****0004"], masked.Headers.Select(h => Encoding.UTF8.GetString(h.Value!)));
        Assert.Single(masked.Masked);
    }

    [Fact]
    public void HeaderCarryingAnId_MasksTheBytesOnlyAndTheIdStays()
    {
        var envelope = Json(Payload, headers: [("correlation-id", "corr-secret-1"), ("message-id", "m-1")]);

        var masked = Masker(Header("correlation-id")).Mask(envelope);

        Assert.Equal("corr-secret-1", envelope.CorrelationId);
        Assert.Equal("corr-secret-1", masked.CorrelationId);
        Assert.Equal("m-1", masked.MessageId);
        Assert.Equal("****", HeaderText(masked, "correlation-id"));
    }

    [Fact]
    public void NullHeaderValue_Mask_StaysNullButRemoveRemovesIt()
    {
        var envelope = Json(Payload, headers: [("x-empty", null), ("keep", "k")]);

        var masked = Masker(Header("x-empty")).Mask(envelope);
        var removed = Masker(Header("x-empty", MaskingAction.Remove)).Mask(envelope);

        Assert.Null(masked.Headers[0].Value);
        Assert.Equal(["keep"], removed.Headers.Select(h => h.Key));
    }

    [Fact]
    public void BinaryHeader_KeepLast4_KeepsTheLastFourHexDigits()
    {
        var envelope = new EventEnvelope
        {
            Topic = "payments", Partition = 0, Offset = 0, TimestampMs = 0, MessageId = "m",
            Headers = [new EnvelopeHeader("bin", [0x00, 0x01, 0xAB, 0xCD, 0xEF])],
        };

        var masked = Masker(Header("bin", MaskingAction.KeepLast4)).Mask(envelope);

        Assert.Equal("****cdef", HeaderText(masked, "bin"));
    }

    [Fact]
    public void BinaryPayload_HeaderRuleStillApplies()
    {
        var masked = Masker(Header("x-card"), Path("$.a"), Pattern("secret")).Mask(Bytes([0x00, 0xFF, 0x10], headers: ("x-card", "4111")));

        Assert.Equal([0x00, 0xFF, 0x10], masked.Payload);
        Assert.Equal("****", HeaderText(masked, "x-card"));
        Assert.Equal([new MaskedField(MaskedFieldKind.Header, "x-card", MaskingAction.Mask)], masked.Masked);
    }

    [Fact]
    public void NoMatchingHeader_ReturnsTheSameInstance()
    {
        var envelope = Json(Payload, headers: ("other", "1"));

        Assert.Same(envelope, Masker(Header("x-card")).Mask(envelope));
    }
}
