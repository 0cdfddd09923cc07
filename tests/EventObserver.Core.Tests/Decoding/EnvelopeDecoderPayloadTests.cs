using System.Text;
using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding;

public sealed class EnvelopeDecoderPayloadTests
{
    private readonly EnvelopeDecoder _decoder = new(new LineageOptions());

    [Theory]
    [InlineData("{\"orderId\":\"o-1\",\"lines\":[1,2,3]}")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    [InlineData("-1.5e3")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("  \r\n {\"a\":{\"b\":[{\"c\":null}]}}  \n")]
    public void Decode_ValidJson_IsJson(string json)
    {
        var envelope = _decoder.Decode(Records.Json(json));

        Assert.Equal(PayloadFormat.Json, envelope.PayloadFormat);
    }

    [Theory]
    [InlineData("{\"orderId\":\"o-1\"")]
    [InlineData("{\"a\":1} trailing")]
    [InlineData("{'single':'quotes'}")]
    [InlineData("[1,2,]")]
    [InlineData("{\"a\":1}{\"b\":2}")]
    [InlineData("hello world")]
    [InlineData("nothing to see")]
    [InlineData("42 apples")]
    [InlineData("   ")]
    [InlineData("Grüße, 東京 ✓")]
    public void Decode_TextThatIsNotJson_IsText(string text)
    {
        var envelope = _decoder.Decode(Records.Json(text));

        Assert.Equal(PayloadFormat.Text, envelope.PayloadFormat);
    }

    [Fact]
    public void Decode_JsonWithUtf8Bom_IsJson()
    {
        byte[] payload = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"type\":\"OrderPlaced\"}")];

        var envelope = _decoder.Decode(Records.Create(payload));

        Assert.Equal(PayloadFormat.Json, envelope.PayloadFormat);
        Assert.Equal("OrderPlaced", envelope.MessageType);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0x7B, 0x00, 0x7D })]
    [InlineData(new byte[] { 0x0A, 0x08, 0x6F, 0x72, 0x64, 0x65, 0x72 })]
    public void Decode_BinaryGarbage_IsBinaryAndKeptExactly(byte[] payload)
    {
        var envelope = _decoder.Decode(Records.Create(payload));

        Assert.Equal(PayloadFormat.Binary, envelope.PayloadFormat);
        Assert.Same(payload, envelope.Payload);
    }

    [Fact]
    public void Decode_NullValue_IsTombstone()
    {
        var envelope = _decoder.Decode(Records.Create(value: null));

        Assert.Equal(PayloadFormat.Tombstone, envelope.PayloadFormat);
        Assert.Null(envelope.Payload);
    }

    [Fact]
    public void Decode_ZeroBytes_IsEmpty()
    {
        var envelope = _decoder.Decode(Records.Create(value: []));

        Assert.Equal(PayloadFormat.Empty, envelope.PayloadFormat);
        Assert.Empty(envelope.Payload!);
    }

    [Fact]
    public void Decode_OneMegabyteJson_IsJsonAndKeptExactly()
    {
        var builder = new StringBuilder("{\"type\":\"BulkImported\",\"items\":[");
        for (var i = 0; builder.Length < 1024 * 1024; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append("{\"sku\":\"SKU-").Append(i).Append("\",\"qty\":").Append(i % 7).Append('}');
        }

        var payload = Encoding.UTF8.GetBytes(builder.Append("]}").ToString());

        var envelope = _decoder.Decode(Records.Create(payload));

        Assert.Equal(PayloadFormat.Json, envelope.PayloadFormat);
        Assert.Same(payload, envelope.Payload);
        Assert.Equal("BulkImported", envelope.MessageType);
    }

    [Fact]
    public void Decode_OneMegabyteBinary_IsBinary()
    {
        var payload = new byte[1024 * 1024];
        new Random(7).NextBytes(payload);

        var envelope = _decoder.Decode(Records.Create(payload));

        Assert.Equal(PayloadFormat.Binary, envelope.PayloadFormat);
        Assert.Same(payload, envelope.Payload);
    }

    [Fact]
    public void Decode_JsonNestedDeeperThanDefaultLimit_IsStillJson()
    {
        var json = new string('[', 100) + new string(']', 100);

        var envelope = _decoder.Decode(Records.Json(json));

        Assert.Equal(PayloadFormat.Json, envelope.PayloadFormat);
    }

    [Fact]
    public void Decode_TextKey_IsTextAndBytesKept()
    {
        var key = Records.Utf8("order-17");

        var envelope = _decoder.Decode(Records.Create(Records.Utf8("{}"), key: key));

        Assert.Equal(KeyFormat.Text, envelope.KeyFormat);
        Assert.Equal("order-17", envelope.Key);
        Assert.Same(key, envelope.KeyBytes);
    }

    [Fact]
    public void Decode_UnicodeKeyWithTab_IsText()
    {
        var envelope = _decoder.Decode(Records.Create(Records.Utf8("{}"), key: Records.Utf8("東京\tkey")));

        Assert.Equal(KeyFormat.Text, envelope.KeyFormat);
        Assert.Equal("東京\tkey", envelope.Key);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x2A }, "0000002a")]
    [InlineData(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, "deadbeef")]
    [InlineData(new byte[] { 0x61, 0x1B, 0x62 }, "611b62")]
    public void Decode_BinaryKey_IsLowerCaseHex(byte[] key, string expected)
    {
        var envelope = _decoder.Decode(Records.Create(Records.Utf8("{}"), key: key));

        Assert.Equal(KeyFormat.Hex, envelope.KeyFormat);
        Assert.Equal(expected, envelope.Key);
        Assert.Same(key, envelope.KeyBytes);
        Assert.Null(envelope.Subject);
    }

    [Fact]
    public void Decode_NoKey_IsNone()
    {
        var envelope = _decoder.Decode(Records.Create(Records.Utf8("{}"), key: null));

        Assert.Equal(KeyFormat.None, envelope.KeyFormat);
        Assert.Null(envelope.Key);
        Assert.Null(envelope.KeyBytes);
    }

    [Fact]
    public void Decode_Position_IsCopied()
    {
        var record = Records.Create(Records.Utf8("x"), topic: "payments", partition: 3, offset: 99);

        var envelope = _decoder.Decode(record);

        Assert.Equal(("payments", 3, 99L, 1_700_000_000_000L, TimestampKind.CreateTime),
            (envelope.Topic, envelope.Partition, envelope.Offset, envelope.TimestampMs, envelope.TimestampKind));
    }

    [Fact]
    public void Decode_NoIdAnywhere_DerivesStableIdFromPosition()
    {
        var record = Records.Create(Records.Utf8("plain text"), topic: "payments", partition: 3, offset: 99);

        var first = _decoder.Decode(record);
        var second = new EnvelopeDecoder(new LineageOptions()).Decode(record);

        Assert.Equal("payments/3/99", first.MessageId);
        Assert.True(first.MessageIdDerived);
        Assert.Equal(first.MessageId, second.MessageId);
    }

    [Fact]
    public void Decode_WhitespaceOnlyId_CountsAsAbsent()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("message-id", "   "), ("correlation-id", "")));

        Assert.True(envelope.MessageIdDerived);
        Assert.Null(envelope.CorrelationId);
    }

    [Fact]
    public void Decode_IdsWithSurroundingWhitespace_AreTrimmed()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("message-id", "  m-1\r\n"), ("correlation-id", "\tc-1 ")));

        Assert.Equal("m-1", envelope.MessageId);
        Assert.False(envelope.MessageIdDerived);
        Assert.Equal("c-1", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_DuplicateAndNullHeaders_AreKeptInOrder()
    {
        var binary = new byte[] { 0x00, 0xFF };
        var record = new RawRecord
        {
            Topic = "orders",
            Partition = 0,
            Offset = 1,
            TimestampMs = 0,
            Value = Records.Utf8("{}"),
            Headers =
            [
                new("correlation-id", Records.Utf8("first")),
                new("empty", null),
                new("correlation-id", Records.Utf8("second")),
                new("bin", binary),
            ],
        };

        var envelope = _decoder.Decode(record);

        Assert.Same(record.Headers, envelope.Headers);
        Assert.Equal(["correlation-id", "empty", "correlation-id", "bin"], envelope.Headers.Select(h => h.Key));
        Assert.Null(envelope.Headers[1].Value);
        Assert.Same(binary, envelope.Headers[3].Value);
        Assert.Equal("second", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_TextKeyAndNoSubjectHeader_UsesKeyAsSubject()
    {
        var envelope = _decoder.Decode(Records.Create(Records.Utf8("{}"), key: Records.Utf8(" order-17 ")));

        Assert.Equal("order-17", envelope.Subject);
    }

    [Fact]
    public void Decode_BinaryHeaderId_IsHex()
    {
        var record = new RawRecord
        {
            Topic = "orders",
            Partition = 0,
            Offset = 1,
            TimestampMs = 0,
            Value = Records.Utf8("{}"),
            Headers = [new("correlation-id", [0x01, 0x02, 0xAB])],
        };

        var envelope = _decoder.Decode(record);

        Assert.Equal("0102ab", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_NullTopicAndHeaders_DoesNotThrow()
    {
        var record = new RawRecord { Topic = null!, Partition = 0, Offset = 5, TimestampMs = 0, Value = [1], Headers = null! };

        var envelope = _decoder.Decode(record);

        Assert.Equal("/0/5", envelope.MessageId);
        Assert.Empty(envelope.Headers);
    }
}
