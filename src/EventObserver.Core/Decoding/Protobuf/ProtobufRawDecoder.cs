namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>Protobuf without a schema: field numbers and wire types as JSON, like <c>protoc --decode_raw</c>.</summary>
public static class ProtobufRawDecoder
{
    /// <summary>Null when the bytes are not a well-formed Protobuf message; never throws.</summary>
    public static byte[]? TryToJson(ReadOnlySpan<byte> body) => throw new NotImplementedException();
}
