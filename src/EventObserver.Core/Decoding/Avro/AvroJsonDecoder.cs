using Avro;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>
/// One Avro schema compiled once, turning binary datums into their JSON view: records as objects, arrays, maps as
/// objects, unions as the plain value of the branch written (null as null, no <c>{"type": value}</c> wrapper), enums
/// as their symbol, and logical types shown readably (decimal as a number string, timestamps and dates as ISO 8601
/// text, uuid as its string, duration as months/days/milliseconds). Bytes and fixed are base64: JSON has no binary,
/// and base64 keeps them exact. Float NaN and infinities are the strings "NaN", "Infinity", "-Infinity".
/// The datum is walked directly over the binary encoding (no GenericRecord is built). Thread-safe after <see cref="Compile"/>.
/// </summary>
public sealed class AvroJsonDecoder
{
    private readonly AvroNode _root;

    private AvroJsonDecoder(AvroNode root)
    {
        _root = root;
    }

    /// <summary>The record's (or named type's) full name; null for a primitive schema.</summary>
    public string? TypeName { get; private init; }

    /// <summary>Parses an Avro schema (JSON text); throws <see cref="PayloadDecodeException"/> (InvalidSchema) when it cannot.</summary>
    /// <param name="schemaText">The writer schema.</param>
    /// <param name="references">Named types the schema uses by name (Schema Registry references), in any order.</param>
    public static AvroJsonDecoder Compile(string schemaText, IReadOnlyList<SchemaReferenceText>? references = null)
    {
        var schema = AvroSchemaParser.Parse(schemaText, references);
        AvroNode root;
        try
        {
            root = AvroNodeCompiler.Compile(schema);
        }
        catch (Exception e) when (e is not PayloadDecodeException)
        {
            throw new PayloadDecodeException(DecodeStatus.InvalidSchema, $"Invalid Avro schema: {e.Message}", e);
        }

        return new AvroJsonDecoder(root) { TypeName = NameOf(schema) };
    }

    /// <summary>The JSON (UTF-8) of one datum; throws <see cref="PayloadDecodeException"/> (Corrupt or SchemaMismatch).</summary>
    public byte[] ToJson(ReadOnlySpan<byte> datum)
    {
        var workspace = AvroJsonWorkspace.Rent();
        var reader = new AvroReader(datum);
        try
        {
            _root.Write(ref reader, workspace.Writer, 0);
        }
        catch (PayloadDecodeException)
        {
            throw;
        }
        catch (Exception e)
        {
            // The nodes check every length and index; this is the last guard so a payload can never surface another exception type.
            throw new PayloadDecodeException(DecodeStatus.Corrupt, $"Corrupt Avro datum near byte {reader.Position}: {e.Message}", e);
        }

        if (reader.Remaining > 0)
        {
            throw new PayloadDecodeException(
                DecodeStatus.SchemaMismatch, $"{reader.Remaining} bytes left after the datum: the schema does not fit.");
        }

        return workspace.ToArray();
    }

    private static string? NameOf(Schema schema) => schema switch
    {
        NamedSchema named => named.Fullname,
        LogicalSchema { BaseSchema: NamedSchema named } => named.Fullname,
        _ => null,
    };
}
