using System.Text.Json;

namespace EventObserver.Core.Decoding.Avro;

internal sealed class AvroNullNode : AvroNode
{
    public static readonly AvroNullNode Instance = new();

    public override bool ConsumesBytes => false;

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth) => writer.WriteNullValue();
}

internal sealed class AvroBooleanNode : AvroNode
{
    public static readonly AvroBooleanNode Instance = new();

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth) => writer.WriteBooleanValue(reader.ReadBoolean());
}

internal sealed class AvroIntNode : AvroNode
{
    public static readonly AvroIntNode Instance = new();

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth) => writer.WriteNumberValue(reader.ReadInt());
}

/// <summary>Longs are JSON numbers as they are; a reader in JavaScript may round those beyond 2^53, the stored text does not.</summary>
internal sealed class AvroLongNode : AvroNode
{
    public static readonly AvroLongNode Instance = new();

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth) => writer.WriteNumberValue(reader.ReadLong());
}

/// <summary>JSON has no NaN or infinities, so those are written as the strings "NaN", "Infinity" and "-Infinity".</summary>
internal sealed class AvroFloatNode : AvroNode
{
    public static readonly AvroFloatNode Instance = new();

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth)
    {
        var value = reader.ReadFloat();
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            AvroDoubleNode.WriteNonFinite(writer, value);
        }
    }
}

internal sealed class AvroDoubleNode : AvroNode
{
    public static readonly AvroDoubleNode Instance = new();

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth)
    {
        var value = reader.ReadDouble();
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            WriteNonFinite(writer, value);
        }
    }

    public static void WriteNonFinite(Utf8JsonWriter writer, double value) =>
        writer.WriteStringValue(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8);
}

/// <summary>Bytes have no JSON form; base64 keeps them exact and is what Avro's own JSON tooling users expect to paste.</summary>
internal sealed class AvroBytesNode : AvroNode
{
    public static readonly AvroBytesNode Instance = new();

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth) =>
        writer.WriteBase64StringValue(reader.ReadLengthPrefixed("a bytes value"));
}

internal sealed class AvroStringNode : AvroNode
{
    public static readonly AvroStringNode Instance = new();

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth) =>
        AvroJsonText.WriteString(writer, reader.ReadLengthPrefixed("a string"));
}

/// <summary>Fixed values are base64 like bytes (see <see cref="AvroBytesNode"/>).</summary>
internal sealed class AvroFixedNode(int size) : AvroNode
{
    public override bool ConsumesBytes => size > 0;

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth) =>
        writer.WriteBase64StringValue(reader.ReadFixed(size, $"a fixed({size}) value"));
}

internal sealed class AvroEnumNode(string name, JsonEncodedText[] symbols) : AvroNode
{
    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth)
    {
        var start = reader.Position;
        var index = reader.ReadInt();
        if ((uint)index >= (uint)symbols.Length)
        {
            throw AvroReader.Corrupt(start, $"enum {name} index {index} is outside its {symbols.Length} symbols");
        }

        writer.WriteStringValue(symbols[index]);
    }
}
