using System.Text.Json;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>A record as a JSON object in field order. Its fields are set after construction so recursive schemas can point back at it.</summary>
internal sealed class AvroRecordNode(string name) : AvroNode
{
    private JsonEncodedText[] _names = [];
    private AvroNode[] _fields = [];
    private bool _consumesBytes = true;

    public string Name => name;

    public override bool ConsumesBytes => _consumesBytes;

    public void SetFields(JsonEncodedText[] names, AvroNode[] fields)
    {
        _names = names;
        _fields = fields;
        _consumesBytes = fields.Any(field => field.ConsumesBytes);
    }

    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth)
    {
        depth = Enter(ref reader, depth);
        writer.WriteStartObject();
        var names = _names;
        var fields = _fields;
        for (var i = 0; i < fields.Length; i++)
        {
            writer.WritePropertyName(names[i]);
            fields[i].Write(ref reader, writer, depth);
        }

        writer.WriteEndObject();
    }
}

/// <summary>A union as the plain value of the branch written (no <c>{"type": value}</c> wrapper): what a reader of the event expects.</summary>
internal sealed class AvroUnionNode(AvroNode[] branches) : AvroNode
{
    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth)
    {
        var start = reader.Position;
        var index = reader.ReadLong();
        if ((ulong)index >= (ulong)branches.Length)
        {
            throw AvroReader.Corrupt(start, $"union branch {index} is outside the union's {branches.Length} branches");
        }

        branches[index].Write(ref reader, writer, depth);
    }
}

internal sealed class AvroArrayNode(AvroNode items) : AvroNode
{
    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth)
    {
        depth = Enter(ref reader, depth);
        writer.WriteStartArray();
        var budget = new AvroItemBudget(items.ConsumesBytes);
        while (true)
        {
            var start = reader.Position;
            var count = reader.ReadBlockCount("an array");
            if (count == 0)
            {
                break;
            }

            budget.Take(ref reader, start, count, "an array");
            for (var i = 0L; i < count; i++)
            {
                items.Write(ref reader, writer, depth);
            }
        }

        writer.WriteEndArray();
    }
}

/// <summary>A map as a JSON object; a key written twice stays twice, as the datum has it.</summary>
internal sealed class AvroMapNode(AvroNode values) : AvroNode
{
    public override void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth)
    {
        depth = Enter(ref reader, depth);
        writer.WriteStartObject();
        var budget = new AvroItemBudget(consumesBytes: true);
        while (true)
        {
            var start = reader.Position;
            var count = reader.ReadBlockCount("a map");
            if (count == 0)
            {
                break;
            }

            budget.Take(ref reader, start, count, "a map");
            for (var i = 0L; i < count; i++)
            {
                AvroJsonText.WritePropertyName(writer, reader.ReadLengthPrefixed("a map key"));
                values.Write(ref reader, writer, depth);
            }
        }

        writer.WriteEndObject();
    }
}

/// <summary>
/// Refuses block counts that the bytes left cannot hold, so a hostile count cannot make a long loop. Items encoded in
/// zero bytes (arrays of null) cannot be checked that way and get a fixed cap instead.
/// </summary>
internal struct AvroItemBudget(bool consumesBytes)
{
    public const long MaxZeroSizeItems = 100_000;

    private long _zeroSizeItems;

    public void Take(ref AvroReader reader, int offset, long count, string what)
    {
        if (consumesBytes)
        {
            if (count > reader.Remaining)
            {
                throw AvroReader.Corrupt(offset, $"{what} block claims {count} items but only {reader.Remaining} bytes are left");
            }

            return;
        }

        if (count > MaxZeroSizeItems - _zeroSizeItems)
        {
            throw AvroReader.Corrupt(offset, $"{what} of zero-byte items claims more than {MaxZeroSizeItems} items");
        }

        _zeroSizeItems += count;
    }
}
