namespace EventObserver.Core.Decoding.Schemas;

/// <summary>How a payload was encoded, when it was not plain JSON or text.</summary>
public enum SchemaFormat
{
    Avro = 1,
    Protobuf = 2,

    /// <summary>JSON framed by Confluent's JSON Schema serializer (magic byte and schema id before the JSON).</summary>
    Json = 3,
    MessagePack = 4,
}
