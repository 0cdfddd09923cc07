using System.Numerics;
using System.Text.Json;
using Avro;
using Avro.Generic;
using EventObserver.Core.Decoding.Avro;

namespace EventObserver.Core.Tests.Decoding.Avro;

public sealed class AvroJsonDecoderLogicalTypeTests
{
    private static readonly DateTime Moment = new DateTime(2026, 12, 2, 10, 15, 30, 123, DateTimeKind.Utc).AddTicks(4560);

    [Theory]
    [InlineData(1250, 2, "12.50")]
    [InlineData(-5, 2, "-0.05")]
    [InlineData(0, 3, "0.000")]
    [InlineData(42, 0, "42")]
    [InlineData(-128, 1, "-12.8")]
    public void ToJson_DecimalOnBytes_WritesExactNumberString(long unscaled, int scale, string expected)
    {
        var json = AvroTestData.OneFieldRoundTrip(
            $$"""{"type":"bytes","logicalType":"decimal","precision":10,"scale":{{scale}}}""",
            _ => new AvroDecimal(new BigInteger(unscaled), scale));

        Assert.Equal(expected, json.GetString());
    }

    [Fact]
    public void ToJson_DecimalOnFixedBeyondLongRange_WritesExactNumberString()
    {
        var unscaled = BigInteger.Parse("-123456789012345678901234567890123456", System.Globalization.CultureInfo.InvariantCulture);

        var json = AvroTestData.OneFieldRoundTrip(
            """{"type":"fixed","name":"Amount","size":16,"logicalType":"decimal","precision":38,"scale":4}""",
            _ => new AvroDecimal(unscaled, 4));

        Assert.Equal("-12345678901234567890123456789012.3456", json.GetString());
    }

    [Fact]
    public void ToJson_TimestampMillis_WritesIsoUtcText()
    {
        var json = AvroTestData.OneFieldRoundTrip("""{"type":"long","logicalType":"timestamp-millis"}""", _ => Moment);

        Assert.Equal("2026-12-02T10:15:30.123Z", json.GetString());
    }

    [Fact]
    public void ToJson_TimestampMicros_WritesIsoUtcTextWithMicroseconds()
    {
        var json = AvroTestData.OneFieldRoundTrip("""{"type":"long","logicalType":"timestamp-micros"}""", _ => Moment);

        Assert.Equal("2026-12-02T10:15:30.123456Z", json.GetString());
    }

    // Local timestamps and nanos are written as their base long: Apache.Avro converts DateTime by the machine's zone
    // (or not at all for nanos), and the point here is the decoder's reading of the number.
    [Theory]
    [InlineData("local-timestamp-millis", 1_796_206_530_123L, "2026-12-02T10:15:30.123")]
    [InlineData("local-timestamp-micros", 1_796_206_530_123_456L, "2026-12-02T10:15:30.123456")]
    [InlineData("local-timestamp-nanos", 1_796_206_530_123_456_789L, "2026-12-02T10:15:30.123456789")]
    [InlineData("timestamp-nanos", 1_796_206_530_123_456_789L, "2026-12-02T10:15:30.123456789Z")]
    [InlineData("timestamp-millis", -1L, "1969-12-31T23:59:59.999Z")]
    public void ToJson_TimestampFromBaseLong_WritesIsoText(string logicalType, long value, string expected)
    {
        var bytes = LongHolder(value);

        var decoded = Decode($$"""{"type":"long","logicalType":"{{logicalType}}"}""", bytes);

        Assert.Equal(expected, decoded.GetString());
    }

    [Fact]
    public void ToJson_TimestampBeyondYear9999_StaysANumber()
    {
        var bytes = LongHolder(long.MaxValue);

        var decoded = Decode("""{"type":"long","logicalType":"timestamp-millis"}""", bytes);

        Assert.Equal(long.MaxValue, decoded.GetInt64());
    }

    [Fact]
    public void ToJson_Date_WritesIsoDate()
    {
        var json = AvroTestData.OneFieldRoundTrip("""{"type":"int","logicalType":"date"}""", _ => new DateTime(2026, 12, 2));

        Assert.Equal("2026-12-02", json.GetString());
    }

    [Fact]
    public void ToJson_TimeMillis_WritesTimeOfDay()
    {
        var json = AvroTestData.OneFieldRoundTrip("""{"type":"int","logicalType":"time-millis"}""", _ => new TimeSpan(0, 10, 15, 30, 123));

        Assert.Equal("10:15:30.123", json.GetString());
    }

    [Fact]
    public void ToJson_TimeMicros_WritesTimeOfDayWithMicroseconds()
    {
        var json = AvroTestData.OneFieldRoundTrip(
            """{"type":"long","logicalType":"time-micros"}""", _ => new TimeSpan(0, 10, 15, 30, 123).Add(TimeSpan.FromTicks(4560)));

        Assert.Equal("10:15:30.123456", json.GetString());
    }

    [Fact]
    public void ToJson_Uuid_WritesString()
    {
        var id = Guid.Parse("6f1c2b5e-8a8d-4c1e-9d57-1f0b6b7c2a11");

        var json = AvroTestData.OneFieldRoundTrip("""{"type":"string","logicalType":"uuid"}""", _ => id);

        Assert.Equal(id, Guid.Parse(json.GetString()!));
    }

    [Fact]
    public void ToJson_Duration_WritesMonthsDaysMilliseconds()
    {
        byte[] value = [1, 0, 0, 0, 2, 0, 0, 0, 0xB8, 0x0B, 0, 0];

        var json = AvroTestData.OneFieldRoundTrip(
            """{"type":"fixed","name":"Span","size":12,"logicalType":"duration"}""", schema => new GenericFixed(FixedOf(schema), value));

        Assert.Equal(1, json.GetProperty("months").GetInt64());
        Assert.Equal(2, json.GetProperty("days").GetInt64());
        Assert.Equal(3000, json.GetProperty("milliseconds").GetInt64());
    }

    [Fact]
    public void ToJson_UnknownLogicalType_ReadsTheBaseType()
    {
        var json = AvroTestData.OneFieldRoundTrip("""{"type":"long","logicalType":"shop-cents"}""", _ => 1999L);

        Assert.Equal(1999, json.GetInt64());
    }

    [Fact]
    public void ToJson_NullableTimestamp_WritesIsoTextInsideTheUnion()
    {
        var json = AvroTestData.OneFieldRoundTrip("""["null",{"type":"long","logicalType":"timestamp-millis"}]""", _ => Moment);

        Assert.Equal("2026-12-02T10:15:30.123Z", json.GetString());
    }

    private static byte[] LongHolder(long value)
    {
        var schema = Schema.Parse(AvroTestData.OneField("\"long\""));
        return AvroTestData.Write(schema, AvroTestData.Record(schema, ("v", value)));
    }

    private static JsonElement Decode(string fieldType, byte[] bytes) =>
        AvroTestData.Parse(AvroJsonDecoder.Compile(AvroTestData.OneField(fieldType)).ToJson(bytes)).GetProperty("v");

    private static FixedSchema FixedOf(Schema schema) => (FixedSchema)((LogicalSchema)schema).BaseSchema;
}
