namespace EventObserver.Core.Decoding.Schemas;

/// <summary>What came of decoding a schema-encoded payload. Anything but <see cref="Decoded"/> still indexes the raw bytes.</summary>
public enum DecodeStatus
{
    Decoded = 0,

    /// <summary>The schema could not be fetched now (no registry configured, unreachable, timeout, 5xx); retried when read.</summary>
    SchemaUnavailable = 1,

    /// <summary>The registry (or the local files) has no schema with this id.</summary>
    UnknownSchema = 2,

    /// <summary>The bytes are not a valid frame or datum (truncated, bad varint, trailing garbage).</summary>
    Corrupt = 3,

    /// <summary>The bytes parse, but not against this schema (wrong message index, type that does not fit).</summary>
    SchemaMismatch = 4,

    /// <summary>The schema text itself cannot be compiled.</summary>
    InvalidSchema = 5,

    /// <summary>Protobuf without a usable schema: shown as field numbers and wire types, like <c>protoc --decode_raw</c>.</summary>
    NoSchema = 6,
}
