using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;

using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.MessagePack;

/// <summary>
/// MessagePack to JSON, read by hand so hostile input (deep nesting, absurd lengths, trailing bytes) costs nothing but a
/// <see cref="PayloadDecodeException"/>. Exactly one value must fill the buffer. Map keys that are not strings become
/// their JSON text; bin is base64; the timestamp extension (-1) is ISO 8601 text; other extensions are
/// <c>{"extType":n,"data":"base64"}</c>; NaN and infinities are strings.
/// </summary>
internal static class MessagePackJson
{
    private const int MaxDepth = 64;

    /// <summary>True for a map or array header: the only first bytes detection accepts (scalars say too little).</summary>
    public static bool StartsLikeContainer(byte first) => first is (>= 0x80 and <= 0x9f) or 0xdc or 0xdd or 0xde or 0xdf;

    /// <summary>The JSON view (UTF-8); throws <see cref="PayloadDecodeException"/> (Corrupt) when the bytes are not one value.</summary>
    public static byte[] ToJson(ReadOnlySpan<byte> bytes)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, bytes.Length * 2));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            var reader = new Reader(bytes);
            WriteValue(ref reader, writer, 0);
            if (reader.Position != bytes.Length)
            {
                throw Corrupt($"{bytes.Length - reader.Position} bytes left after the MessagePack value", reader.Position);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(ref Reader r, Utf8JsonWriter w, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Corrupt($"MessagePack nested deeper than {MaxDepth}", r.Position);
        }

        var code = r.Byte();
        switch (code)
        {
            case <= 0x7f: w.WriteNumberValue(code); return;
            case >= 0xe0: w.WriteNumberValue((sbyte)code); return;
            case <= 0x8f: WriteMap(ref r, w, code & 0x0f, depth); return;
            case <= 0x9f: WriteArray(ref r, w, code & 0x0f, depth); return;
            case <= 0xbf: w.WriteStringValue(r.Text(code & 0x1f)); return;
            case 0xc0: w.WriteNullValue(); return;
            case 0xc2: w.WriteBooleanValue(false); return;
            case 0xc3: w.WriteBooleanValue(true); return;
            case 0xc4: w.WriteBase64StringValue(r.Take(r.Byte())); return;
            case 0xc5: w.WriteBase64StringValue(r.Take(r.UInt16())); return;
            case 0xc6: w.WriteBase64StringValue(r.Take(r.Length32())); return;
            case 0xc7: WriteExtension(ref r, w, r.Byte()); return;
            case 0xc8: WriteExtension(ref r, w, r.UInt16()); return;
            case 0xc9: WriteExtension(ref r, w, r.Length32()); return;
            case 0xca: WriteDouble(w, BinaryPrimitives.ReadSingleBigEndian(r.Take(4))); return;
            case 0xcb: WriteDouble(w, BinaryPrimitives.ReadDoubleBigEndian(r.Take(8))); return;
            case 0xcc: w.WriteNumberValue(r.Byte()); return;
            case 0xcd: w.WriteNumberValue(r.UInt16()); return;
            case 0xce: w.WriteNumberValue(BinaryPrimitives.ReadUInt32BigEndian(r.Take(4))); return;
            case 0xcf: w.WriteNumberValue(BinaryPrimitives.ReadUInt64BigEndian(r.Take(8))); return;
            case 0xd0: w.WriteNumberValue((sbyte)r.Byte()); return;
            case 0xd1: w.WriteNumberValue(BinaryPrimitives.ReadInt16BigEndian(r.Take(2))); return;
            case 0xd2: w.WriteNumberValue(BinaryPrimitives.ReadInt32BigEndian(r.Take(4))); return;
            case 0xd3: w.WriteNumberValue(BinaryPrimitives.ReadInt64BigEndian(r.Take(8))); return;
            case 0xd4: WriteExtension(ref r, w, 1); return;
            case 0xd5: WriteExtension(ref r, w, 2); return;
            case 0xd6: WriteExtension(ref r, w, 4); return;
            case 0xd7: WriteExtension(ref r, w, 8); return;
            case 0xd8: WriteExtension(ref r, w, 16); return;
            case 0xd9: w.WriteStringValue(r.Text(r.Byte())); return;
            case 0xda: w.WriteStringValue(r.Text(r.UInt16())); return;
            case 0xdb: w.WriteStringValue(r.Text(r.Length32())); return;
            case 0xdc: WriteArray(ref r, w, r.UInt16(), depth); return;
            case 0xdd: WriteArray(ref r, w, r.Length32(), depth); return;
            case 0xde: WriteMap(ref r, w, r.UInt16(), depth); return;
            case 0xdf: WriteMap(ref r, w, r.Length32(), depth); return;
            default: throw Corrupt($"0x{code:x2} is not a MessagePack type", r.Position - 1);
        }
    }

    private static void WriteArray(ref Reader r, Utf8JsonWriter w, int count, int depth)
    {
        r.EnsureAtLeast(count);
        w.WriteStartArray();
        for (var i = 0; i < count; i++)
        {
            WriteValue(ref r, w, depth + 1);
        }

        w.WriteEndArray();
    }

    private static void WriteMap(ref Reader r, Utf8JsonWriter w, int count, int depth)
    {
        r.EnsureAtLeast(count * 2L);
        w.WriteStartObject();
        for (var i = 0; i < count; i++)
        {
            w.WritePropertyName(ReadKey(ref r, depth));
            WriteValue(ref r, w, depth + 1);
        }

        w.WriteEndObject();
    }

    /// <summary>A string key as itself; any other key as its compact JSON text (JSON keys must be strings).</summary>
    private static string ReadKey(ref Reader r, int depth)
    {
        var code = r.Peek();
        if (code is >= 0xa0 and <= 0xbf)
        {
            r.Byte();
            return r.Text(code & 0x1f);
        }

        if (code is 0xd9 or 0xda or 0xdb)
        {
            r.Byte();
            return r.Text(code == 0xd9 ? r.Byte() : code == 0xda ? r.UInt16() : r.Length32());
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var keyWriter = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            WriteValue(ref r, keyWriter, depth + 1);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteExtension(ref Reader r, Utf8JsonWriter w, int length)
    {
        var type = (sbyte)r.Byte();
        var data = r.Take(length);
        if (type == -1 && TryReadTimestamp(data, out var time))
        {
            w.WriteStringValue(time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            return;
        }

        w.WriteStartObject();
        w.WriteNumber("extType", type);
        w.WriteBase64String("data", data);
        w.WriteEndObject();
    }

    private static bool TryReadTimestamp(ReadOnlySpan<byte> data, out DateTime time)
    {
        long seconds;
        long nanoseconds = 0;
        switch (data.Length)
        {
            case 4:
                seconds = BinaryPrimitives.ReadUInt32BigEndian(data);
                break;
            case 8:
                var packed = BinaryPrimitives.ReadUInt64BigEndian(data);
                nanoseconds = (long)(packed >> 34);
                seconds = (long)(packed & 0x3_ffff_ffffUL);
                break;
            case 12:
                nanoseconds = BinaryPrimitives.ReadUInt32BigEndian(data);
                seconds = BinaryPrimitives.ReadInt64BigEndian(data[4..]);
                break;
            default:
                time = default;
                return false;
        }

        const long MinSeconds = -62_135_596_800, MaxSeconds = 253_402_300_799;
        if (seconds is < MinSeconds or > MaxSeconds || nanoseconds is < 0 or > 999_999_999)
        {
            time = default;
            return false;
        }

        time = DateTime.UnixEpoch.AddSeconds(seconds).AddTicks(nanoseconds / 100);
        return true;
    }

    private static void WriteDouble(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static PayloadDecodeException Corrupt(string what, int position) =>
        new(DecodeStatus.Corrupt, $"Not MessagePack: {what} (byte {position}).");

    /// <summary>A cursor that throws <see cref="PayloadDecodeException"/> instead of reading past the end.</summary>
    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public int Position { get; private set; }

        public readonly byte Peek() => Position < _data.Length ? _data[Position] : throw Truncated(Position);

        public byte Byte() => Take(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

        /// <summary>A 32-bit length; one beyond what an int (and so the buffer) can hold is truncation anyway.</summary>
        public int Length32()
        {
            var value = BinaryPrimitives.ReadUInt32BigEndian(Take(4));
            return value > int.MaxValue ? throw Truncated(Position) : (int)value;
        }

        /// <summary>Every element takes at least a byte: a count the rest cannot hold is refused before looping.</summary>
        public readonly void EnsureAtLeast(long bytes)
        {
            if (bytes > _data.Length - Position)
            {
                throw Corrupt($"a container of {bytes} entries in {_data.Length - Position} bytes", Position);
            }
        }

        public ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > _data.Length - Position)
            {
                throw Truncated(Position);
            }

            var span = _data.Slice(Position, count);
            Position += count;
            return span;
        }

        public string Text(int length) => Encoding.UTF8.GetString(Take(length));

        private static PayloadDecodeException Truncated(int position) => Corrupt("truncated", position);
    }
}
