using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Features.Events;

/// <summary>
/// How a schema-encoded key or value was decoded: <see cref="Format"/> (Avro, Protobuf, Json for JSON Schema framing,
/// MessagePack), <see cref="Status"/> (Decoded, or why not: SchemaUnavailable, UnknownSchema, Corrupt, SchemaMismatch,
/// InvalidSchema, NoSchema), the registry's schema id, subject and version, the record's or message's full type name,
/// the error, and the local schema file when the schema came from one.
/// </summary>
public sealed record DecodingDto(
    SchemaFormat Format,
    DecodeStatus Status,
    int? SchemaId,
    string? Subject,
    int? Version,
    string? TypeName,
    string? Error,
    string? SchemaFile)
{
    public static DecodingDto? From(PayloadDecoding? decoding) => decoding is null
        ? null
        : new(decoding.Format, decoding.Status, decoding.SchemaId, decoding.Subject, decoding.Version, decoding.TypeName, decoding.Error, decoding.SchemaFile);
}
