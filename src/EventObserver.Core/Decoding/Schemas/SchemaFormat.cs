namespace EventObserver.Core.Decoding.Schemas;

/// <summary>How a payload was encoded, when it was not plain JSON or text.</summary>
public enum SchemaFormat
{
    /// <summary>Confluent-framed, but the schema (and so the format) could not be looked up: unavailable or unknown id.</summary>
    Unknown = 0,

    Avro = 1,
    Protobuf = 2,

    /// <summary>JSON framed by Confluent's JSON Schema serializer (magic byte and schema id before the JSON).</summary>
    Json = 3,
    MessagePack = 4,
}
