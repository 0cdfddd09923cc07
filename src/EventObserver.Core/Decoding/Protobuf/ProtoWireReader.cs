using System.Buffers.Binary;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>
/// Reads the Protobuf wire format from a span. Every malformed input ends in a <see cref="PayloadDecodeException"/>
/// (Corrupt) naming the byte offset within the whole payload, so a bad message never surfaces as another exception.
/// </summary>
internal ref struct ProtoWireReader
{
    /// <summary>Deeper nesting is refused: a hostile payload must not exhaust the stack.</summary>
    public const int MaxDepth = 64;

    private const int MaxFieldNumber = (1 << 29) - 1;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private int _position;

    public ProtoWireReader(ReadOnlySpan<byte> data, int baseOffset)
    {
        _data = data;
        _baseOffset = baseOffset;
    }

    public readonly bool End => _position >= _data.Length;

    public readonly int Position => _position;

    /// <summary>The offset of the current position within the whole payload, for messages.</summary>
    public readonly int Offset => _baseOffset + _position;

    public readonly ReadOnlySpan<byte> Data => _data;

    public void ReadTag(out int number, out ProtoWireType wireType)
    {
        var at = Offset;
        var tag = ReadVarint();
        if (tag > ((ulong)MaxFieldNumber << 3 | 7))
        {
            throw Corrupt($"field number beyond 2^29 at byte {at}");
        }

        number = (int)(tag >> 3);
        var wire = (int)(tag & 7);
        if (number == 0)
        {
            throw Corrupt($"field number 0 at byte {at}");
        }

        if (wire > 5)
        {
            throw Corrupt($"invalid wire type {wire} at byte {at}");
        }

        wireType = (ProtoWireType)wire;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw Corrupt($"truncated varint at byte {Offset}");
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw Corrupt($"varint longer than 10 bytes at byte {Offset}");
    }

    public ulong ReadFixed64()
    {
        if (_data.Length - _position < 8)
        {
            throw Corrupt($"truncated fixed64 at byte {Offset}");
        }

        var value = BinaryPrimitives.ReadUInt64LittleEndian(_data[_position..]);
        _position += 8;
        return value;
    }

    public uint ReadFixed32()
    {
        if (_data.Length - _position < 4)
        {
            throw Corrupt($"truncated fixed32 at byte {Offset}");
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(_data[_position..]);
        _position += 4;
        return value;
    }

    /// <summary>Reads a length prefix and returns the start of the payload it announces (relative to this reader's span).</summary>
    public int ReadLengthDelimited(out int length)
    {
        var at = Offset;
        var declared = ReadVarint();
        if (declared > (ulong)(_data.Length - _position))
        {
            throw Corrupt($"length {declared} at byte {at} runs beyond the end of the buffer");
        }

        length = (int)declared;
        var start = _position;
        _position += length;
        return start;
    }

    /// <summary>Skips a group's content up to its matching end tag; returns the content's start and length.</summary>
    public int SkipGroup(int number, int depth, out int length)
    {
        if (depth > MaxDepth)
        {
            throw Corrupt($"groups nested deeper than {MaxDepth} at byte {Offset}");
        }

        var start = _position;
        while (true)
        {
            if (End)
            {
                throw Corrupt($"group {number} has no end tag (truncated at byte {Offset})");
            }

            var tagStart = _position;
            ReadTag(out var inner, out var wire);
            if (wire == ProtoWireType.EndGroup)
            {
                if (inner != number)
                {
                    throw Corrupt($"end-group {inner} at byte {_baseOffset + tagStart} does not match group {number}");
                }

                length = tagStart - start;
                return start;
            }

            SkipValue(inner, wire, depth + 1);
        }
    }

    public void SkipValue(int number, ProtoWireType wireType, int depth)
    {
        switch (wireType)
        {
            case ProtoWireType.Varint:
                ReadVarint();
                break;
            case ProtoWireType.Fixed64:
                ReadFixed64();
                break;
            case ProtoWireType.Fixed32:
                ReadFixed32();
                break;
            case ProtoWireType.LengthDelimited:
                ReadLengthDelimited(out _);
                break;
            case ProtoWireType.StartGroup:
                SkipGroup(number, depth, out _);
                break;
            default:
                throw Corrupt($"end-group {number} without a start at byte {Offset}");
        }
    }

    public static PayloadDecodeException Corrupt(string message) => new(DecodeStatus.Corrupt, "Protobuf: " + message);

    public static long ZigZag64(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    public static int ZigZag32(uint value) => (int)(value >> 1) ^ -(int)(value & 1);
}
