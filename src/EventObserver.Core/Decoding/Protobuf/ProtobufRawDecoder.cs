using System.Buffers;
using System.Text.Json;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>Protobuf without a schema: field numbers and wire types as JSON, like <c>protoc --decode_raw</c>.</summary>
public static class ProtobufRawDecoder
{
    /// <summary>Null when the bytes are not a well-formed Protobuf message; never throws.</summary>
    public static byte[]? TryToJson(ReadOnlySpan<byte> body)
    {
        if (!ProtoRawWriter.IsMessage(body, 0))
        {
            return null;
        }

        try
        {
            var buffer = new ArrayBufferWriter<byte>(Math.Max(256, body.Length * 2));
            using (var json = new Utf8JsonWriter(buffer, ProtoJsonWriter.Options))
            {
                ProtoRawWriter.WriteMessage(json, body, 0);
            }

            return buffer.WrittenSpan.ToArray();
        }
        catch (Exception ex) when (ex is PayloadDecodeException or InvalidOperationException or ArgumentException)
        {
            // The structure was checked above; this only guards the promise never to throw on payload bytes.
            return null;
        }
    }
}
