using System.Buffers.Text;
using System.Text.Json;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>
/// Protobuf without a schema, like <c>protoc --decode_raw</c>: an object keyed by field number (ascending), a field seen more than
/// once as an array. Length-delimited values are text when they read as text, a nested message when they parse as one
/// completely, else base64. Text is tried first because short strings often happen to parse as a message too.
/// </summary>
internal static class ProtoRawWriter
{
    /// <summary>Nested guesses stop here; below it length-delimited values are shown as text or base64.</summary>
    private const int MaxNestedDepth = 16;

    /// <summary>Checks that <paramref name="data"/> is a sequence of well-formed fields (groups included) and nothing else.</summary>
    public static bool IsMessage(ReadOnlySpan<byte> data, int depth)
    {
        try
        {
            var reader = new ProtoWireReader(data, 0);
            while (!reader.End)
            {
                reader.ReadTag(out var number, out var wire);
                reader.SkipValue(number, wire, depth + 1);
            }

            return true;
        }
        catch (PayloadDecodeException)
        {
            return false;
        }
    }

    /// <summary>Writes a message already known to be well formed (see <see cref="IsMessage"/>).</summary>
    public static void WriteMessage(Utf8JsonWriter json, ReadOnlySpan<byte> data, int depth)
    {
        var fields = new List<ProtoRawField>();
        var reader = new ProtoWireReader(data, 0);
        while (!reader.End)
        {
            reader.ReadTag(out var number, out var wire);
            ulong value = 0;
            int start = 0, length = 0;
            switch (wire)
            {
                case ProtoWireType.Varint:
                    value = reader.ReadVarint();
                    break;
                case ProtoWireType.Fixed64:
                    value = reader.ReadFixed64();
                    break;
                case ProtoWireType.Fixed32:
                    value = reader.ReadFixed32();
                    break;
                case ProtoWireType.LengthDelimited:
                    start = reader.ReadLengthDelimited(out length);
                    break;
                default:
                    start = reader.SkipGroup(number, depth + 1, out length);
                    break;
            }

            fields.Add(new ProtoRawField(number, wire, value, start, length, fields.Count));
        }

        WriteObject(json, [.. fields], data, depth);
    }

    /// <summary>Writes occurrences as an object keyed by field number.</summary>
    public static void WriteObject(Utf8JsonWriter json, ProtoRawField[] fields, ReadOnlySpan<byte> data, int depth)
    {
        var order = new int[fields.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // By number, then by position: a number's occurrences become adjacent and keep their wire order.
        Array.Sort(order, (a, b) => fields[a].Number != fields[b].Number
            ? fields[a].Number.CompareTo(fields[b].Number)
            : fields[a].Order.CompareTo(fields[b].Order));
        json.WriteStartObject();
        Span<byte> name = stackalloc byte[12];
        for (var i = 0; i < order.Length;)
        {
            var number = fields[order[i]].Number;
            var end = i + 1;
            while (end < order.Length && fields[order[end]].Number == number)
            {
                end++;
            }

            Utf8Formatter.TryFormat(number, name, out var written);
            json.WritePropertyName(name[..written]);
            if (end - i > 1)
            {
                json.WriteStartArray();
            }

            for (var k = i; k < end; k++)
            {
                WriteValue(json, fields[order[k]], data, depth);
            }

            if (end - i > 1)
            {
                json.WriteEndArray();
            }

            i = end;
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, in ProtoRawField field, ReadOnlySpan<byte> data, int depth)
    {
        switch (field.Wire)
        {
            case ProtoWireType.Varint:
            case ProtoWireType.Fixed64:
                json.WriteNumberValue(field.Value);
                break;
            case ProtoWireType.Fixed32:
                json.WriteNumberValue((uint)field.Value);
                break;
            case ProtoWireType.StartGroup:
                WriteMessage(json, data.Slice(field.Start, field.Length), depth + 1);
                break;
            default:
                WriteLengthDelimited(json, data.Slice(field.Start, field.Length), depth);
                break;
        }
    }

    private static void WriteLengthDelimited(Utf8JsonWriter json, ReadOnlySpan<byte> value, int depth)
    {
        if (Utf8Text.IsText(value))
        {
            json.WriteStringValue(value);
        }
        else if (depth < MaxNestedDepth && IsMessage(value, depth + 1))
        {
            WriteMessage(json, value, depth + 1);
        }
        else
        {
            json.WriteBase64StringValue(value);
        }
    }
}
