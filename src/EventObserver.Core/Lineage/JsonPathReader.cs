using System.Text.Json;
using EventObserver.Core.Decoding;

namespace EventObserver.Core.Lineage;

/// <summary>
/// Reads the scalar at a <see cref="JsonPath"/> with a forward-only <see cref="Utf8JsonReader"/>, skipping
/// every sibling it does not need. Used only for user mappings, so the common path pays nothing.
/// </summary>
internal static class JsonPathReader
{
    private static readonly JsonReaderOptions s_options = new() { MaxDepth = 256 };

    public static string? TryRead(ReadOnlySpan<byte> json, JsonPath path)
    {
        try
        {
            var reader = new Utf8JsonReader(JsonPayloadScanner.SkipBom(json), s_options);
            if (!reader.Read())
            {
                return null;
            }

            foreach (var step in path.Steps)
            {
                var found = step.Kind == JsonPathStepKind.Element ? MoveToElement(ref reader, step.Index) : MoveToProperty(ref reader, step.Name!);
                if (!found)
                {
                    return null;
                }
            }

            return JsonPayloadScanner.ReadScalar(ref reader);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static bool MoveToProperty(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static bool MoveToElement(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}
