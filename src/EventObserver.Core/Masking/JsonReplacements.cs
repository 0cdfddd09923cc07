using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EventObserver.Core.Masking;

/// <summary>What a masked JSON value is written as: always a JSON string, whatever the original value was.</summary>
internal static class JsonReplacements
{
    /// <summary>
    /// The replacement of the value under <paramref name="reader"/> (left on the value's last token). Mask: <c>"****"</c>;
    /// KeepLast4: of a string's text or a number's literal, else <c>"****"</c>; Hash: of a string's UTF-8 text (so it
    /// equals the hash of the same text in a header), else of the value's JSON bytes.
    /// </summary>
    public static byte[] For(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, MaskingAction action, MaskValues values)
    {
        var start = (int)reader.TokenStartIndex;
        var type = reader.TokenType;
        if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        if (action == MaskingAction.Mask)
        {
            return Literal(MaskValues.Masked);
        }

        if (type == JsonTokenType.String)
        {
            return Literal(values.Replace(action, reader.GetString()!));
        }

        var raw = json[start..(int)reader.BytesConsumed];
        return action == MaskingAction.Hash ? Literal(values.Hash(raw))
            : type == JsonTokenType.Number ? Literal(MaskValues.KeepLast4(Encoding.UTF8.GetString(raw)))
            : Literal(MaskValues.Masked);
    }

    /// <summary>The string under <paramref name="reader"/> with the pattern rules applied; null when unchanged.</summary>
    public static byte[]? MaskString(ref Utf8JsonReader reader, RuleSlot[] patterns, MaskValues values, ref ulong matched)
    {
        if (reader.ValueIsEscaped)
        {
            var unescaped = reader.GetString()!;
            return PatternMasking.AnyMatch(unescaped, patterns) ? Changed(unescaped, patterns, values, ref matched) : null;
        }

        var utf8 = reader.ValueSpan;
        var buffer = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        try
        {
            var chars = buffer.AsSpan(0, Encoding.UTF8.GetChars(utf8, buffer));
            return PatternMasking.AnyMatch(chars, patterns) ? Changed(new string(chars), patterns, values, ref matched) : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>A JSON string literal, quotes included; non-ASCII text stays as UTF-8 rather than <c>\u</c> escapes.</summary>
    public static byte[] Literal(string value)
    {
        var encoded = JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes;
        var literal = new byte[encoded.Length + 2];
        literal[0] = (byte)'"';
        encoded.CopyTo(literal.AsSpan(1));
        literal[^1] = (byte)'"';
        return literal;
    }

    private static byte[]? Changed(string text, RuleSlot[] patterns, MaskValues values, ref ulong matched)
    {
        var masked = PatternMasking.Apply(text, patterns, values, ref matched);
        return ReferenceEquals(masked, text) ? null : Literal(masked);
    }
}
