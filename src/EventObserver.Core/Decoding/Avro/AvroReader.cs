using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>
/// A cursor over one Avro binary datum. Every read checks the bounds first, so truncated or hostile bytes end in a
/// <see cref="PayloadDecodeException"/> (Corrupt) that names the byte offset, never in an allocation sized by the data.
/// </summary>
internal ref struct AvroReader
{
    private readonly ReadOnlySpan<byte> _data;

    public AvroReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public long ReadLong()
    {
        var start = Position;
        ulong raw = 0;
        var shift = 0;
        while (true)
        {
            if (Position >= _data.Length)
            {
                throw Corrupt(start, "the data ends inside a varint");
            }

            var b = _data[Position++];
            if (shift == 63 && b > 1)
            {
                throw Corrupt(start, "a varint is longer than 64 bits");
            }

            raw |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }

            shift += 7;
        }

        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public int ReadInt()
    {
        var start = Position;
        var value = ReadLong();
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw Corrupt(start, $"an int varint holds {value}, outside the 32-bit range");
        }

        return (int)value;
    }

    public bool ReadBoolean()
    {
        Need(1, "a boolean");
        var b = _data[Position];
        if (b > 1)
        {
            throw Corrupt(Position, $"a boolean byte is {b}, not 0 or 1");
        }

        Position++;
        return b == 1;
    }

    public float ReadFloat()
    {
        Need(4, "a float");
        var value = BinaryPrimitives.ReadSingleLittleEndian(_data.Slice(Position, 4));
        Position += 4;
        return value;
    }

    public double ReadDouble()
    {
        Need(8, "a double");
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(Position, 8));
        Position += 8;
        return value;
    }

    /// <summary>The bytes of a length-prefixed <c>bytes</c> or <c>string</c> value, checked against what is left.</summary>
    public ReadOnlySpan<byte> ReadLengthPrefixed(string what)
    {
        var start = Position;
        var length = ReadLong();
        if (length < 0)
        {
            throw Corrupt(start, $"{what} has a negative length ({length})");
        }

        if (length > Remaining)
        {
            throw Corrupt(start, $"{what} claims {length} bytes but only {Remaining} are left");
        }

        var span = _data.Slice(Position, (int)length);
        Position += (int)length;
        return span;
    }

    public ReadOnlySpan<byte> ReadFixed(int size, string what)
    {
        Need(size, what);
        var span = _data.Slice(Position, size);
        Position += size;
        return span;
    }

    /// <summary>
    /// The item count of the next array or map block (0 ends the value). A negative count is followed by the block's
    /// byte size, which is read and checked but not needed.
    /// </summary>
    public long ReadBlockCount(string what)
    {
        var start = Position;
        var count = ReadLong();
        if (count >= 0)
        {
            return count;
        }

        if (count == long.MinValue)
        {
            throw Corrupt(start, $"{what} block count is out of range");
        }

        var sizeStart = Position;
        var size = ReadLong();
        if (size < 0 || size > Remaining)
        {
            throw Corrupt(sizeStart, $"{what} block size {size} does not fit the {Remaining} bytes left");
        }

        return -count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Need(int count, string what)
    {
        if (Remaining < count)
        {
            throw Corrupt(Position, $"the data ends inside {what} ({count} bytes needed, {Remaining} left)");
        }
    }

    public static PayloadDecodeException Corrupt(int offset, string message) =>
        new(DecodeStatus.Corrupt, $"Corrupt Avro datum at byte {offset}: {message}.");
}
