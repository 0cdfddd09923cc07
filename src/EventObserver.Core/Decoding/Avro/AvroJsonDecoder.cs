using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>
/// One Avro schema compiled once, turning binary datums into their JSON view: records, unions, enums, fixed, maps,
/// arrays, and logical types shown readably (decimal as a number string, timestamps as ISO time, date, uuid).
/// Thread-safe after <see cref="Compile"/>.
/// </summary>
public sealed class AvroJsonDecoder
{
    private AvroJsonDecoder()
    {
    }

    /// <summary>The record's (or named type's) full name; null for a primitive schema.</summary>
    public string? TypeName { get; private init; }

    /// <summary>Parses an Avro schema (JSON text); throws <see cref="PayloadDecodeException"/> (InvalidSchema) when it cannot.</summary>
    public static AvroJsonDecoder Compile(string schemaText, IReadOnlyList<SchemaReferenceText>? references = null) =>
        throw new NotImplementedException();

    /// <summary>The JSON (UTF-8) of one datum; throws <see cref="PayloadDecodeException"/> (Corrupt or SchemaMismatch).</summary>
    public byte[] ToJson(ReadOnlySpan<byte> datum) => throw new NotImplementedException();
}
