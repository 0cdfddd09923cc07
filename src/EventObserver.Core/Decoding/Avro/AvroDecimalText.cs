using System.Numerics;
using System.Text;
using System.Text.Json;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>Avro decimals as exact number strings: JSON numbers would be rounded to doubles by most readers.</summary>
internal static class AvroDecimalText
{
    /// <summary>Beyond this many bytes (about 300 digits) the value is shown as base64: formatting a huge integer costs quadratic time.</summary>
    public const int MaxUnscaledBytes = 128;

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> unscaled, int scale)
    {
        if (unscaled.Length > MaxUnscaledBytes)
        {
            writer.WriteBase64StringValue(unscaled);
            return;
        }

        Span<byte> digits = stackalloc byte[320];
        int count;
        bool negative;
        if (unscaled.Length <= 8)
        {
            long value = unscaled.Length > 0 && (unscaled[0] & 0x80) != 0 ? -1 : 0;
            foreach (var b in unscaled)
            {
                value = (value << 8) | b;
            }

            negative = value < 0;
            var magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            magnitude.TryFormat(digits, out count);
        }
        else
        {
            var value = new BigInteger(unscaled, isUnsigned: false, isBigEndian: true);
            negative = value.Sign < 0;
            count = Encoding.ASCII.GetBytes(BigInteger.Abs(value).ToString(), digits);
        }

        WriteScaled(writer, digits[..count], negative, scale);
    }

    private static void WriteScaled(Utf8JsonWriter writer, ReadOnlySpan<byte> digits, bool negative, int scale)
    {
        // Left-pad with zeros so that there is a digit before the point: 5 at scale 2 is "0.05".
        var zeros = Math.Max(scale + 1 - digits.Length, 0);
        var totalDigits = zeros + digits.Length;
        var pointAfter = totalDigits - scale;
        var length = (negative ? 1 : 0) + totalDigits + (scale > 0 ? 1 : 0);
        var text = length <= 512 ? stackalloc byte[length] : new byte[length];
        var at = 0;
        if (negative)
        {
            text[at++] = (byte)'-';
        }

        for (var i = 0; i < totalDigits; i++)
        {
            if (i == pointAfter)
            {
                text[at++] = (byte)'.';
            }

            text[at++] = i < zeros ? (byte)'0' : digits[i - zeros];
        }

        writer.WriteStringValue(text);
    }
}
