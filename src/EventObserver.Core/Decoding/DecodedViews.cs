using System.Text;
using System.Text.Json;

using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding;

/// <summary>How decoded JSON views stand in for the raw bytes: a decoded key as display text, a schema type name as a message type.</summary>
internal static class DecodedViews
{
    /// <summary>
    /// The key's JSON view as display text: a JSON string unquoted, anything else as its JSON text. <paramref name="isScalar"/>
    /// is false for objects and arrays (not usable as an entity's subject).
    /// </summary>
    public static string KeyText(byte[] json, out bool isScalar)
    {
        var span = JsonPayloadScanner.SkipBom(json).TrimStart(" \t\r\n"u8);
        isScalar = span.IsEmpty || (span[0] != (byte)'{' && span[0] != (byte)'[');
        if (!span.IsEmpty && span[0] == (byte)'"')
        {
            try
            {
                var reader = new Utf8JsonReader(span);
                if (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString() ?? string.Empty;
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // Not a well-formed string after all: show the JSON text as it is.
            }
        }

        return Encoding.UTF8.GetString(span).TrimEnd();
    }

    /// <summary>
    /// The message type a schema gives when nothing else names one: the last segment of the Avro record's or Protobuf
    /// message's full name (<c>EventObserver.Demo.Payments.PaymentCaptured</c> → <c>PaymentCaptured</c>), the way
    /// producers' headers name types.
    /// </summary>
    public static string? MessageType(PayloadDecoding? decoding)
    {
        var name = decoding?.TypeName?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name[(dot + 1)..];
    }

    /// <summary>Only "the schema could not be fetched" is worth asking again: unknown ids and bad bytes stay so.</summary>
    public static bool IsRetryable(PayloadDecoding? decoding) => decoding?.Status == DecodeStatus.SchemaUnavailable;
}
