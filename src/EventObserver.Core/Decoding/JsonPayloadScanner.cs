using System.Text;
using System.Text.Json;

namespace EventObserver.Core.Decoding;

/// <summary>
/// Validates a whole JSON payload in one <see cref="Utf8JsonReader"/> pass and, on the way, picks up the
/// few top-level properties lineage needs. Nothing else is materialised.
/// </summary>
internal static class JsonPayloadScanner
{
    private static readonly JsonReaderOptions s_options = new() { MaxDepth = 256 };

    /// <summary>Cheap pre-check so plain text does not pay for a failed parse (exceptions are slow).</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> utf8)
    {
        var span = SkipBom(utf8).TrimStart(" \t\r\n"u8);
        if (span.IsEmpty)
        {
            return false;
        }

        return span[0] switch
        {
            (byte)'{' or (byte)'[' or (byte)'"' or (byte)'-' => true,
            >= (byte)'0' and <= (byte)'9' => true,
            (byte)'t' => span.StartsWith("true"u8),
            (byte)'f' => span.StartsWith("false"u8),
            (byte)'n' => span.StartsWith("null"u8),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="utf8"/> is exactly one valid JSON value; fills <paramref name="fields"/>.</summary>
    public static bool TryScan(ReadOnlySpan<byte> utf8, ref JsonPayloadFields fields)
    {
        try
        {
            Scan(SkipBom(utf8), ref fields);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or DecoderFallbackException)
        {
            fields = default;
            return false;
        }
    }

    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> utf8) =>
        utf8.StartsWith(Utf8Bom) ? utf8[3..] : utf8;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static void Scan(ReadOnlySpan<byte> utf8, ref JsonPayloadFields fields)
    {
        var reader = new Utf8JsonReader(utf8, s_options);
        // The top-level object being read through (metadata or meta), None elsewhere.
        var container = JsonField.None;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    var field = JsonFieldNames.MatchTopLevel(ref reader);
                    if (field == JsonField.None)
                    {
                        break;
                    }

                    reader.Read();
                    if (field is JsonField.Metadata or JsonField.Meta)
                    {
                        container = reader.TokenType == JsonTokenType.StartObject ? field : JsonField.None;
                    }
                    else
                    {
                        fields[field] = ReadScalar(ref reader) ?? fields[field];
                    }

                    break;

                case JsonTokenType.PropertyName when container != JsonField.None && reader.CurrentDepth == 2:
                    var inner = container == JsonField.Metadata
                        ? JsonFieldNames.MatchMetadata(ref reader)
                        : JsonFieldNames.MatchMeta(ref reader);
                    if (inner != JsonField.None)
                    {
                        reader.Read();
                        fields[inner] ??= ReadScalar(ref reader);
                    }

                    break;

                case JsonTokenType.EndObject when container != JsonField.None && reader.CurrentDepth == 1:
                    container = JsonField.None;
                    break;
            }
        }
    }

    /// <summary>Strings as text, numbers as their literal; anything else is not an id.</summary>
    public static string? ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };
}
