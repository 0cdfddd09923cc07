using System.Buffers.Binary;

namespace EventObserver.Core.Decoding.Schemas;

/// <summary>
/// Confluent's wire format: magic byte 0, the schema id as 4 bytes big-endian, then the body; for Protobuf the body
/// starts with the message-index list (zigzag varint count, then that many zigzag varint indexes; count 0 means [0]).
/// </summary>
internal static class ConfluentFrame
{
    public const byte MagicByte = 0;
    public const int HeaderLength = 5;

    /// <summary>No real schema nests messages this deep; a larger count is garbage, not a path.</summary>
    private const int MaxIndexCount = 64;

    private static readonly int[] s_firstMessage = [0];

    public static bool StartsWithMagic(ReadOnlySpan<byte> bytes) => bytes.Length > 0 && bytes[0] == MagicByte;

    /// <summary>The schema id of a frame at least <see cref="HeaderLength"/> bytes long.</summary>
    public static int ReadSchemaId(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt32BigEndian(bytes[1..HeaderLength]);

    /// <summary>Reads the Protobuf message-index list; returns the indexes and how many bytes they took.</summary>
    /// <exception cref="PayloadDecodeException">Corrupt: a truncated or absurd list.</exception>
    public static IReadOnlyList<int> ReadMessageIndexes(ReadOnlySpan<byte> body, out int consumed)
    {
        var position = 0;
        var count = ReadZigzag(body, ref position);
        if (count == 0)
        {
            consumed = position;
            return s_firstMessage;
        }

        if (count < 0 || count > MaxIndexCount)
        {
            throw new PayloadDecodeException(DecodeStatus.Corrupt, $"Bad Protobuf message-index count {count} at byte 5.");
        }

        var indexes = new int[count];
        for (var i = 0; i < indexes.Length; i++)
        {
            var index = ReadZigzag(body, ref position);
            if (index < 0)
            {
                throw new PayloadDecodeException(DecodeStatus.Corrupt, $"Negative Protobuf message index {index} at byte {HeaderLength + position}.");
            }

            indexes[i] = (int)index;
        }

        consumed = position;
        return indexes;
    }

    private static long ReadZigzag(ReadOnlySpan<byte> body, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= body.Length)
            {
                throw new PayloadDecodeException(DecodeStatus.Corrupt, $"Truncated Protobuf message-index list at byte {HeaderLength + position}.");
            }

            var b = body[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                var decoded = (long)(value >> 1) ^ -(long)(value & 1);
                return decoded is > int.MaxValue or < int.MinValue
                    ? throw new PayloadDecodeException(DecodeStatus.Corrupt, $"Protobuf message index out of range at byte {HeaderLength + position}.")
                    : decoded;
            }
        }

        throw new PayloadDecodeException(DecodeStatus.Corrupt, $"Malformed varint in the Protobuf message-index list at byte {HeaderLength + position}.");
    }
}
