using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>Text helpers shared by the nodes: names encoded once, and strings from the datum that may not be valid UTF-8.</summary>
internal static class AvroJsonText
{
    /// <summary>Relaxed escaping keeps non-ASCII text readable (and searchable) in the stored JSON; it is never put into HTML raw.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static JsonEncodedText Encode(string text) => JsonEncodedText.Encode(text, Encoder);

    /// <summary>Avro strings should be UTF-8; bytes that are not are shown with replacement characters instead of failing the event.</summary>
    public static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            writer.WriteStringValue(utf8);
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(utf8));
        }
    }

    public static void WritePropertyName(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            writer.WritePropertyName(utf8);
        }
        else
        {
            writer.WritePropertyName(Encoding.UTF8.GetString(utf8));
        }
    }
}
