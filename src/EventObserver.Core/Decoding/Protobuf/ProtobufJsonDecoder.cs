using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>
/// A Protobuf schema (.proto text with its imports, or a descriptor set) compiled once at run time, turning messages
/// into their JSON view with field names, nested and imported types, enums, maps, oneofs and well-known types.
/// Thread-safe after compiling.
/// </summary>
public sealed class ProtobufJsonDecoder
{
    private ProtobufJsonDecoder()
    {
    }

    /// <summary>Full names of the top-level messages of the main file, in declaration order.</summary>
    public IReadOnlyList<string> MessageNames { get; private init; } = [];

    /// <summary>Compiles .proto text; imports are resolved from <paramref name="imports"/> (by import path) and the well-known types. Throws <see cref="PayloadDecodeException"/> (InvalidSchema).</summary>
    public static ProtobufJsonDecoder Compile(string protoText, IReadOnlyList<SchemaReferenceText>? imports = null) =>
        throw new NotImplementedException();

    /// <summary>Compiles a serialized <c>FileDescriptorSet</c> (protoc <c>--descriptor_set_out</c>); the last file is the main one.</summary>
    public static ProtobufJsonDecoder FromDescriptorSet(byte[] descriptorSet) => throw new NotImplementedException();

    /// <summary>
    /// The message's full name for Confluent's message-index path ([0] = first top-level message, [1, 0] = first nested
    /// message of the second); throws <see cref="PayloadDecodeException"/> (SchemaMismatch) when there is none.
    /// </summary>
    public string ResolveMessage(IReadOnlyList<int> indexes) => throw new NotImplementedException();

    /// <summary>The JSON (UTF-8) of one message; throws <see cref="PayloadDecodeException"/> (Corrupt or SchemaMismatch).</summary>
    public byte[] ToJson(string messageFullName, ReadOnlySpan<byte> body) => throw new NotImplementedException();
}
