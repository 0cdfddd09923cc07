using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>
/// A Protobuf schema (.proto text with its imports, or a descriptor set) compiled once at run time, turning messages
/// into their JSON view with field names, nested and imported types, enums, maps, oneofs and well-known types.
/// Thread-safe after compiling.
/// </summary>
public sealed class ProtobufJsonDecoder
{
    private readonly ProtoSchema _schema;

    private ProtobufJsonDecoder(ProtoSchema schema)
    {
        _schema = schema;
        MessageNames = [.. schema.MainMessages.Select(m => m.FullName)];
    }

    /// <summary>Full names of the top-level messages of the main file, in declaration order.</summary>
    public IReadOnlyList<string> MessageNames { get; private init; }

    /// <summary>Compiles .proto text; imports are resolved from <paramref name="imports"/> (by import path) and the well-known types. Throws <see cref="PayloadDecodeException"/> (InvalidSchema).</summary>
    public static ProtobufJsonDecoder Compile(string protoText, IReadOnlyList<SchemaReferenceText>? imports = null)
    {
        ArgumentNullException.ThrowIfNull(protoText);
        var (files, main) = ProtoTextParser.Parse(protoText, imports ?? []);
        return new ProtobufJsonDecoder(ProtoSchemaCompiler.Compile(files, main));
    }

    /// <summary>Compiles a serialized <c>FileDescriptorSet</c> (protoc <c>--descriptor_set_out</c>); the main file is the last one no other file imports (protoc's last).</summary>
    public static ProtobufJsonDecoder FromDescriptorSet(byte[] descriptorSet)
    {
        ArgumentNullException.ThrowIfNull(descriptorSet);
        var (files, main) = ProtoTextParser.ReadDescriptorSet(descriptorSet);
        return new ProtobufJsonDecoder(ProtoSchemaCompiler.Compile(files, main));
    }

    /// <summary>
    /// The message's full name for Confluent's message-index path ([0] = first top-level message, [1, 0] = first nested
    /// message of the second); throws <see cref="PayloadDecodeException"/> (SchemaMismatch) when there is none.
    /// </summary>
    public string ResolveMessage(IReadOnlyList<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var level = _schema.MainMessages;

        // Confluent writes the common [0] as an empty list.
        if (indexes.Count == 0)
        {
            return level.Count > 0 ? level[0].FullName : throw Mismatch("the schema has no message");
        }

        ProtoMessageNode? node = null;
        foreach (var index in indexes)
        {
            if (index < 0 || index >= level.Count)
            {
                throw Mismatch($"message index [{string.Join(", ", indexes)}] has no message in the schema");
            }

            node = level[index];
            level = node.Nested;
        }

        return node!.FullName;
    }

    /// <summary>The JSON (UTF-8) of one message; throws <see cref="PayloadDecodeException"/> (Corrupt or SchemaMismatch).</summary>
    public byte[] ToJson(string messageFullName, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(messageFullName);
        if (!_schema.Messages.TryGetValue(messageFullName.TrimStart('.'), out var layout))
        {
            throw Mismatch($"the schema has no message '{messageFullName}'");
        }

        try
        {
            return ProtoJsonWriter.ToJson(_schema, layout, body);
        }
        catch (Exception ex) when (ex is not PayloadDecodeException and not OutOfMemoryException)
        {
            // Payload bytes must only ever cost a status, whatever part of the walk they upset.
            throw new PayloadDecodeException(DecodeStatus.Corrupt, "Protobuf: " + ex.Message, ex);
        }
    }

    private static PayloadDecodeException Mismatch(string message) => new(DecodeStatus.SchemaMismatch, "Protobuf: " + message);
}
