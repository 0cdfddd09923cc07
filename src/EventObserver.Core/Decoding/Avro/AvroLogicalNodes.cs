using System.Buffers.Binary;
using System.Text.Json;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>timestamp-* and local-timestamp-* (a long of millis, micros or nanos since the epoch) as ISO 8601 text.</summary>
internal sealed class AvroTimestampNode(long unitsPerSecond, int digits, bool utc) : AvroNode
{
    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth) =>
        AvroTimeText.WriteTimestamp(writer, reader.ReadLong(), unitsPerSecond, digits, utc);
}

/// <summary>date (an int of days since the epoch) as "2026-12-02".</summary>
internal sealed class AvroDateNode : AvroNode
{
    public static readonly AvroDateNode Instance = new();

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth) =>
        AvroTimeText.WriteDate(writer, reader.ReadInt());
}

/// <summary>time-millis (int) and time-micros (long) since midnight as "10:15:30.123".</summary>
internal sealed class AvroTimeOfDayNode(bool isLong, long unitsPerSecond, int digits) : AvroNode
{
    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth) =>
        AvroTimeText.WriteTimeOfDay(writer, isLong ? reader.ReadLong() : reader.ReadInt(), unitsPerSecond, digits);
}

/// <summary>decimal on bytes (fixedSize null) or fixed: the big-endian two's-complement unscaled value as a number string "12.50".</summary>
internal sealed class AvroDecimalNode(int? fixedSize, int scale) : AvroNode
{
    public override bool ConsumesBytes => fixedSize is not 0;

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth)
    {
        var unscaled = fixedSize is { } size ? reader.ReadFixed(size, "a decimal") : reader.ReadLengthPrefixed("a decimal");
        AvroDecimalText.Write(writer, unscaled, scale);
    }
}

/// <summary>duration (fixed 12: three little-endian unsigned ints) as {"months":..,"days":..,"milliseconds":..}.</summary>
internal sealed class AvroDurationNode : AvroNode
{
    public static readonly AvroDurationNode Instance = new();

    private static readonly JsonEncodedText Months = JsonEncodedText.Encode("months");
    private static readonly JsonEncodedText Days = JsonEncodedText.Encode("days");
    private static readonly JsonEncodedText Milliseconds = JsonEncodedText.Encode("milliseconds");

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth)
    {
        var bytes = reader.ReadFixed(12, "a duration");
        writer.WriteStartObject();
        writer.WriteNumber(Months, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        writer.WriteNumber(Days, BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]));
        writer.WriteNumber(Milliseconds, BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]));
        writer.WriteEndObject();
    }
}
