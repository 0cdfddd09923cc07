using System.Buffers.Binary;
using System.Text;

namespace EventObserver.Storage.ChunkStore;

/// <summary>Reads what <see cref="ChunkWriter"/> wrote. Throws <see cref="InvalidDataException"/> on a truncated buffer.</summary>
internal ref struct ChunkReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool End => _position >= _data.Length;

    /// <summary>Where the next read starts; a record's start can be kept and decoded later.</summary>
    public int Position
    {
        readonly get => _position;
        set => _position = value;
    }

    public byte ReadByte()
    {
        Check(1);
        return _data[_position++];
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new InvalidDataException("Malformed varint in an index chunk.");
    }

    public long ReadSigned()
    {
        var raw = ReadVarint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public long ReadInt64()
    {
        Check(8);
        var value = BinaryPrimitives.ReadInt64LittleEndian(_data[_position..]);
        _position += 8;
        return value;
    }

    public byte[]? ReadBytes()
    {
        var length = ReadVarint();
        if (length == 0)
        {
            return null;
        }

        var count = checked((int)(length - 1));
        Check(count);
        var value = _data.Slice(_position, count).ToArray();
        _position += count;
        return value;
    }

    /// <summary>Steps over a length-prefixed string or byte field without copying it.</summary>
    public void Skip()
    {
        var length = ReadVarint();
        if (length > 1)
        {
            var count = checked((int)(length - 1));
            Check(count);
            _position += count;
        }
    }

    /// <summary>The UTF-8 bytes of a string field without decoding them; false when the field is null.</summary>
    public bool ReadUtf8(out ReadOnlySpan<byte> value)
    {
        var length = ReadVarint();
        if (length == 0)
        {
            value = default;
            return false;
        }

        var count = checked((int)(length - 1));
        Check(count);
        value = _data.Slice(_position, count);
        _position += count;
        return true;
    }

    public string? ReadString()
    {
        var length = ReadVarint();
        if (length == 0)
        {
            return null;
        }

        var count = checked((int)(length - 1));
        Check(count);
        var value = Encoding.UTF8.GetString(_data.Slice(_position, count));
        _position += count;
        return value;
    }

    private readonly void Check(int count)
    {
        if (_position + count > _data.Length)
        {
            throw new InvalidDataException("Truncated index chunk.");
        }
    }
}
