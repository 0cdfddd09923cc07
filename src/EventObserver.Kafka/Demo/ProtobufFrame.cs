using System.Buffers.Binary;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// Confluent's Protobuf framing: magic byte 0, the schema id big-endian, the message-index path (zigzag varints: count,
/// then indexes; the path [0] is shortened to a single 0), then the message bytes.
/// </summary>
internal static class ProtobufFrame
{
    public static byte[] Build(int schemaId, IReadOnlyList<int> messageIndexes, byte[] message)
    {
        using var frame = new MemoryStream(message.Length + 8);
        frame.WriteByte(0);
        Span<byte> id = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(id, schemaId);
        frame.Write(id);
        if (messageIndexes.Count == 1 && messageIndexes[0] == 0)
        {
            frame.WriteByte(0);
        }
        else
        {
            ProtoWriter.WriteZigZag(frame, messageIndexes.Count);
            foreach (var index in messageIndexes)
            {
                ProtoWriter.WriteZigZag(frame, index);
            }
        }

        frame.Write(message);
        return frame.ToArray();
    }
}
