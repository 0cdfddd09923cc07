using System.Buffers.Binary;
using System.Text;

namespace EventObserver.Core.Tests.Decoding.Schemas;

/// <summary>Confluent wire-format payloads written by hand: magic byte 0, big-endian schema id, body.</summary>
internal static class Frames
{
    public static byte[] Of(int schemaId, ReadOnlySpan<byte> body)
    {
        var bytes = new byte[5 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1), schemaId);
        body.CopyTo(bytes.AsSpan(5));
        return bytes;
    }

    public static byte[] Json(int schemaId, string json) => Of(schemaId, Encoding.UTF8.GetBytes(json));

    /// <summary>A Protobuf frame: the message-index list (zigzag count and indexes; [0] as the single byte 0) before the body.</summary>
    public static byte[] Protobuf(int schemaId, int[] indexes, ReadOnlySpan<byte> body)
    {
        var prefix = new List<byte>();
        if (indexes is [0])
        {
            prefix.Add(0);
        }
        else
        {
            WriteZigzag(prefix, indexes.Length);
            foreach (var index in indexes)
            {
                WriteZigzag(prefix, index);
            }
        }

        return Of(schemaId, [.. prefix, .. body]);
    }

    private static void WriteZigzag(List<byte> output, int value)
    {
        var v = (uint)((value << 1) ^ (value >> 31));
        while (v >= 0x80)
        {
            output.Add((byte)(v | 0x80));
            v >>= 7;
        }

        output.Add((byte)v);
    }
}
