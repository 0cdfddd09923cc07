using System.Globalization;
using Avro;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>
/// Turns Apache.Avro's parsed schema into the node tree that reads datums. Records are cached by full name before
/// their fields are compiled, so a recursive record points back at its own node instead of compiling forever.
/// </summary>
internal sealed class AvroNodeCompiler
{
    private readonly Dictionary<string, AvroRecordNode> _records = new(StringComparer.Ordinal);

    public static AvroNode Compile(Schema schema) => new AvroNodeCompiler().Node(schema);

    private AvroNode Node(Schema schema) => schema switch
    {
        LogicalSchema logical => Logical(logical),
        RecordSchema record => Record(record),
        UnionSchema union => new AvroUnionNode(union.Schemas.Select(Node).ToArray()),
        ArraySchema array => new AvroArrayNode(Node(array.ItemSchema)),
        MapSchema map => new AvroMapNode(Node(map.ValueSchema)),
        EnumSchema enumSchema => new AvroEnumNode(enumSchema.Fullname, enumSchema.Symbols.Select(AvroJsonText.Encode).ToArray()),
        FixedSchema fixedSchema => new AvroFixedNode(fixedSchema.Size),
        _ => Primitive(schema),
    };

    private AvroRecordNode Record(RecordSchema record)
    {
        if (_records.TryGetValue(record.Fullname, out var existing))
        {
            return existing;
        }

        var node = new AvroRecordNode(record.Fullname);
        _records.Add(record.Fullname, node);
        var fields = record.Fields;
        node.SetFields(
            fields.Select(field => AvroJsonText.Encode(field.Name)).ToArray(),
            fields.Select(field => Node(field.Schema)).ToArray());
        return node;
    }

    private static AvroNode Primitive(Schema schema) => schema.Tag switch
    {
        Schema.Type.Null => AvroNullNode.Instance,
        Schema.Type.Boolean => AvroBooleanNode.Instance,
        Schema.Type.Int => AvroIntNode.Instance,
        Schema.Type.Long => AvroLongNode.Instance,
        Schema.Type.Float => AvroFloatNode.Instance,
        Schema.Type.Double => AvroDoubleNode.Instance,
        Schema.Type.Bytes => AvroBytesNode.Instance,
        Schema.Type.String => AvroStringNode.Instance,
        _ => throw new PayloadDecodeException(DecodeStatus.InvalidSchema, $"Avro schema type {schema.Tag} is not supported."),
    };

    /// <summary>Logical types on a base type they do not fit, and logical types this view does not know, read as the base type.</summary>
    private AvroNode Logical(LogicalSchema logical)
    {
        var baseSchema = logical.BaseSchema;
        return (logical.LogicalTypeName, baseSchema.Tag) switch
        {
            ("decimal", Schema.Type.Bytes) => new AvroDecimalNode(null, Scale(logical)),
            ("decimal", Schema.Type.Fixed) => new AvroDecimalNode(((FixedSchema)baseSchema).Size, Scale(logical)),
            ("date", Schema.Type.Int) => AvroDateNode.Instance,
            ("time-millis", Schema.Type.Int) => new AvroTimeOfDayNode(isLong: false, 1_000, 3),
            ("time-micros", Schema.Type.Long) => new AvroTimeOfDayNode(isLong: true, 1_000_000, 6),
            ("timestamp-millis", Schema.Type.Long) => new AvroTimestampNode(1_000, 3, utc: true),
            ("timestamp-micros", Schema.Type.Long) => new AvroTimestampNode(1_000_000, 6, utc: true),
            ("timestamp-nanos", Schema.Type.Long) => new AvroTimestampNode(1_000_000_000, 9, utc: true),
            ("local-timestamp-millis", Schema.Type.Long) => new AvroTimestampNode(1_000, 3, utc: false),
            ("local-timestamp-micros", Schema.Type.Long) => new AvroTimestampNode(1_000_000, 6, utc: false),
            ("local-timestamp-nanos", Schema.Type.Long) => new AvroTimestampNode(1_000_000_000, 9, utc: false),
            ("duration", Schema.Type.Fixed) when ((FixedSchema)baseSchema).Size == 12 => AvroDurationNode.Instance,
            _ => Node(baseSchema),
        };
    }

    private static int Scale(LogicalSchema logical)
    {
        var text = logical.GetProperty("scale") ?? logical.BaseSchema.GetProperty("scale");
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 0;
    }
}
