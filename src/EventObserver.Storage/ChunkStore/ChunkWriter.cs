using System.Buffers.Binary;
using System.Text;

namespace EventObserver.Storage.ChunkStore;

/// <summary>A growable byte buffer with the primitives of the chunk format (varints, nullable strings and bytes).</summary>
internal sealed class ChunkWriter
{
    private byte[] _buffer = new byte[64 * 1024];

    public int Length { get; private set; }

    public void Reset() => Length = 0;

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    /// <summary>The bytes written so far; valid until the next write or <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>Room for <paramref name="size"/> bytes after what is written; <see cref="Advance"/> by what was used.</summary>
    public Span<byte> GetSpan(int size)
    {
        Ensure(size);
        return _buffer.AsSpan(Length, size);
    }

    public void Advance(int count) => Length += count;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[Length++] = (byte)value;
    }

    public void WriteSigned(long value) => WriteVarint((ulong)((value << 1) ^ (value >> 63)));

    public void WriteInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(Length), value);
        Length += 8;
    }

    /// <summary>Length + 1, then the bytes; 0 means null.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value, bool isNull)
    {
        if (isNull)
        {
            WriteVarint(0);
            return;
        }

        WriteVarint((ulong)value.Length + 1);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(Length));
        Length += value.Length;
    }

    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteVarint(0);
            return;
        }

        Ensure(Encoding.UTF8.GetMaxByteCount(value.Length) + 5);
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)byteCount + 1);
        Length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(Length));
    }

    private void Ensure(int extra)
    {
        if (Length + extra <= _buffer.Length)
        {
            return;
        }

        var size = Math.Max(_buffer.Length * 2, Length + extra);
        Array.Resize(ref _buffer, size);
    }
}
