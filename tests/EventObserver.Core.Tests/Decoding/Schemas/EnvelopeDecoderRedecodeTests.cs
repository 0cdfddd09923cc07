using EventObserver.Core.Decoding;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding.Schemas;

public sealed class EnvelopeDecoderRedecodeTests
{
    private readonly FakeSchemaRegistry _registry = new FakeSchemaRegistry().Add(8, SchemaFormat.Json, "{}");
    private readonly EnvelopeDecoder _decoder;

    public EnvelopeDecoderRedecodeTests()
    {
        _decoder = new EnvelopeDecoder(new LineageOptions(), new PayloadDecoder(new DecodingOptions(), _registry));
    }

    [Fact]
    public void Redecode_RegistryBack_DecodesTheStoredBytes()
    {
        _registry.Down = true;
        var stored = _decoder.Decode(Records.Create(Frames.Json(8, """{"eventType":"OrderPlaced","$correlationId":"c-1"}""")));
        _registry.Down = false;

        var again = _decoder.Redecode(stored);

        Assert.Equal(DecodeStatus.SchemaUnavailable, stored.Decoding!.Status);
        Assert.Null(stored.MessageType);
        Assert.Equal(DecodeStatus.Decoded, again.Decoding!.Status);
        Assert.Equal("OrderPlaced", again.MessageType);
        Assert.Equal("c-1", again.CorrelationId);
        Assert.NotNull(again.DecodedPayload);
        Assert.Equal(stored.Id, again.Id);
        Assert.Same(stored.Payload, again.Payload);
    }

    [Fact]
    public void Redecode_KeyRegistryBack_DecodesTheKey()
    {
        _registry.Down = true;
        var stored = _decoder.Decode(Records.Create(Records.Utf8("{}"), key: Frames.Json(8, "\"customer-7\"")));
        _registry.Down = false;

        var again = _decoder.Redecode(stored);

        Assert.Equal("customer-7", again.Key);
        Assert.Equal(DecodeStatus.Decoded, again.KeyDecoding!.Status);
    }

    [Fact]
    public void Redecode_StillDown_ReturnsTheSameEnvelope()
    {
        _registry.Down = true;
        var stored = _decoder.Decode(Records.Create(Frames.Json(8, "{}")));

        Assert.Same(stored, _decoder.Redecode(stored));
    }

    [Fact]
    public void Redecode_NothingToRetry_ReturnsTheSameEnvelopeWithoutAskingTheRegistry()
    {
        var decoded = _decoder.Decode(Records.Create(Frames.Json(8, "{}")));
        var unknown = _decoder.Decode(Records.Create(Frames.Json(99, "{}")));
        var plain = _decoder.Decode(Records.Json("{}"));
        var lookups = _registry.Lookups;

        Assert.Same(decoded, _decoder.Redecode(decoded));
        Assert.Same(unknown, _decoder.Redecode(unknown));
        Assert.Same(plain, _decoder.Redecode(plain));
        Assert.Equal(lookups, _registry.Lookups);
    }

    [Fact]
    public void Redecode_WithoutPayloadDecoder_ReturnsTheSameEnvelope()
    {
        _registry.Down = true;
        var stored = _decoder.Decode(Records.Create(Frames.Json(8, "{}")));
        _registry.Down = false;

        Assert.Same(stored, new EnvelopeDecoder(new LineageOptions()).Redecode(stored));
    }
}
