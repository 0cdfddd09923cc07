using System.Buffers.Binary;
using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding;

public sealed class EnvelopeDecoderDeadLetterTests
{
    private readonly EnvelopeDecoder _decoder = new(new LineageOptions());

    [Fact]
    public void Decode_SpringDltBinaryForm_ReadsOrigin()
    {
        var partition = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(partition, 3);
        var offset = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(offset, 123_456_789_012L);

        var envelope = _decoder.Decode(Record("orders.DLT",
            ("kafka_dlt-original-topic", Records.Utf8("orders")),
            ("kafka_dlt-original-partition", partition),
            ("kafka_dlt-original-offset", offset),
            ("kafka_dlt-exception-message", Records.Utf8("Listener failed; nested exception is Boom"))));

        Assert.Equal(new DeadLetterOrigin("orders", 3, 123_456_789_012L, "Listener failed; nested exception is Boom"), envelope.DeadLetterOf);
    }

    [Fact]
    public void Decode_SpringDltTextForm_ReadsOrigin()
    {
        var envelope = _decoder.Decode(Record("orders-dlt",
            ("KAFKA_DLT-ORIGINAL-TOPIC", Records.Utf8("orders")),
            ("kafka_dlt-original-partition", Records.Utf8("3")),
            ("kafka_dlt-original-offset", Records.Utf8("1234"))));

        Assert.Equal(new DeadLetterOrigin("orders", 3, 1234, null), envelope.DeadLetterOf);
    }

    [Fact]
    public void Decode_KafkaConnectDlq_ReadsOrigin()
    {
        var envelope = _decoder.Decode(Record("dlq-jdbc-sink",
            ("__connect.errors.topic", Records.Utf8("payments")),
            ("__connect.errors.partition", Records.Utf8("0")),
            ("__connect.errors.offset", Records.Utf8("77")),
            ("__connect.errors.exception.message", Records.Utf8("Converting byte[] to Kafka Connect data failed"))));

        Assert.Equal(new DeadLetterOrigin("payments", 0, 77, "Converting byte[] to Kafka Connect data failed"), envelope.DeadLetterOf);
    }

    [Fact]
    public void Decode_DltWithUnreadableNumbers_KeepsTopicOnly()
    {
        var envelope = _decoder.Decode(Record("orders.DLT",
            ("kafka_dlt-original-topic", Records.Utf8("orders")),
            ("kafka_dlt-original-partition", [0x01, 0x02, 0x03]),
            ("kafka_dlt-original-offset", Records.Utf8("abc"))));

        Assert.Equal(new DeadLetterOrigin("orders", null, null, null), envelope.DeadLetterOf);
    }

    [Fact]
    public void Decode_NoDltHeaders_HasNoOrigin()
    {
        var envelope = _decoder.Decode(Record("orders", ("kafka_dlt-original-partition", Records.Utf8("3"))));

        Assert.Null(envelope.DeadLetterOf);
    }

    [Fact]
    public void Decode_DeadLetterTopic_GivesNoKindHint()
    {
        var envelope = _decoder.Decode(Record("order-events.DLT", ("kafka_dlt-original-topic", Records.Utf8("order-events"))));

        Assert.Equal(MessageKind.Message, envelope.Kind);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x07 }, "7")]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00 }, "256")]
    [InlineData(new byte[] { 0x34, 0x32 }, "42")]
    [InlineData(new byte[] { 0x31, 0x32, 0x33, 0x34 }, "1234")]
    [InlineData(new byte[] { 0x20, 0x39, 0x0A }, "9")]
    [InlineData(new byte[] { 0x01, 0x02 }, null)]
    [InlineData(new byte[] { }, null)]
    public void ReadNumber_TextOrBigEndian_IsParsed(byte[] bytes, string? expected)
    {
        Assert.Equal(expected, DeadLetterHeaders.ReadNumber(bytes));
    }

    [Fact]
    public void Build_VeryLongError_IsCapped()
    {
        var origin = DeadLetterHeaders.Build("orders", "1", "2", new string('x', 10_000));

        Assert.NotNull(origin);
        Assert.True(origin.Error!.Length < 2100);
    }

    private static RawRecord Record(string topic, params (string Key, byte[] Value)[] headers) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = 9,
        TimestampMs = 0,
        Value = Records.Utf8("{\"orderId\":\"o-1\"}"),
        Headers = [.. headers.Select(h => new EnvelopeHeader(h.Key, h.Value))],
    };
}
