using System.Text;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// The few Protobuf wire-format writes the demo needs (varints, strings, nested messages). Kept by hand so the demo
/// produces real Protobuf bytes without a code-generated class or a serializer package.
/// </summary>
internal sealed class ProtoWriter
{
    private const int Varint = 0;
    private const int LengthDelimited = 2;

    private readonly MemoryStream _buffer = new();

    public ProtoWriter String(int field, string value)
    {
        if (value.Length == 0)
        {
            return this; // proto3 leaves default values off the wire
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        Tag(field, LengthDelimited);
        WriteVarint((ulong)bytes.Length);
        _buffer.Write(bytes);
        return this;
    }

    public ProtoWriter Int64(int field, long value)
    {
        if (value != 0)
        {
            Tag(field, Varint);
            WriteVarint((ulong)value);
        }

        return this;
    }

    public ProtoWriter Int32(int field, int value) => Int64(field, value);

    public ProtoWriter Message(int field, Action<ProtoWriter> write)
    {
        var nested = new ProtoWriter();
        write(nested);
        var bytes = nested.ToArray();
        Tag(field, LengthDelimited);
        WriteVarint((ulong)bytes.Length);
        _buffer.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _buffer.ToArray();

    /// <summary>Zigzag then varint, as Confluent writes the message-index list.</summary>
    public static void WriteZigZag(Stream stream, int value)
    {
        var zigzag = (uint)((value << 1) ^ (value >> 31));
        while (zigzag >= 0x80)
        {
            stream.WriteByte((byte)(zigzag | 0x80));
            zigzag >>= 7;
        }

        stream.WriteByte((byte)zigzag);
    }

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.WriteByte((byte)value);
    }
}
