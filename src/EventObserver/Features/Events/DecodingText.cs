using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Features.Events;

/// <summary>How a key's or value's decoding reads on the pages: the format's name, the schema it used, what went wrong.</summary>
public static class DecodingText
{
    /// <summary>The format as users know it ("JSON Schema" for Confluent's JSON framing).</summary>
    public static string FormatName(SchemaFormat format) => format switch
    {
        SchemaFormat.Avro => "Avro",
        SchemaFormat.Protobuf => "Protobuf",
        SchemaFormat.Json => "JSON Schema",
        SchemaFormat.MessagePack => "MessagePack",
        _ => "Schema-encoded", // the format is unknown when the schema could not be looked up
    };

    /// <summary>A short badge for a status that is not <see cref="DecodeStatus.Decoded"/>; null when decoded.</summary>
    public static string? StatusBadge(DecodeStatus status) => status switch
    {
        DecodeStatus.Decoded => null,
        DecodeStatus.SchemaUnavailable => "schema unavailable",
        DecodeStatus.UnknownSchema => "unknown schema",
        DecodeStatus.Corrupt => "corrupt",
        DecodeStatus.SchemaMismatch => "schema mismatch",
        DecodeStatus.InvalidSchema => "invalid schema",
        DecodeStatus.NoSchema => "no schema",
        _ => status.ToString(),
    };

    /// <summary>"Schema 42", "schema file payments.avsc" or "the schema".</summary>
    public static string SchemaName(PayloadDecoding decoding)
    {
        ArgumentNullException.ThrowIfNull(decoding);
        return decoding.SchemaId is { } id ? $"Schema {id}"
            : decoding.SchemaFile is { Length: > 0 } file ? $"Schema file {file}"
            : "The schema";
    }

    /// <summary>
    /// The warning for a decoding that did not succeed, with its error and what is shown instead; null when decoded.
    /// <paramref name="hasJsonView"/>: a JSON view is shown anyway (Protobuf's field-number view).
    /// </summary>
    public static string? Warning(PayloadDecoding decoding, bool hasJsonView)
    {
        ArgumentNullException.ThrowIfNull(decoding);
        var error = string.IsNullOrWhiteSpace(decoding.Error) ? "" : $": {decoding.Error.Trim().TrimEnd('.')}";
        var shown = hasJsonView ? "shown as field numbers and wire types" : "shown raw";
        var schema = SchemaName(decoding);
        var format = FormatName(decoding.Format);
        return decoding.Status switch
        {
            DecodeStatus.Decoded => null,
            DecodeStatus.SchemaUnavailable =>
                $"{schema} unavailable{error}; {shown}; it will be decoded when read after the registry answers.",
            DecodeStatus.UnknownSchema => $"{schema} is unknown to the registry{error}; {shown}.",
            DecodeStatus.Corrupt => $"The {format} bytes are corrupt{error}; {shown}.",
            DecodeStatus.SchemaMismatch => $"The bytes do not fit {Lower(schema)}{error}; {shown}.",
            DecodeStatus.InvalidSchema => $"{schema} cannot be compiled{error}; {shown}.",
            DecodeStatus.NoSchema => $"No schema for this {format} value{error}; {shown} (like protoc --decode_raw).",
            _ => $"Not decoded ({decoding.Status}){error}; {shown}.",
        };
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
