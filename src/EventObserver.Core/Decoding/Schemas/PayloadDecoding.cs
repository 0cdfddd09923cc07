namespace EventObserver.Core.Decoding.Schemas;

/// <summary>How a key or value was decoded: format, outcome and, when a schema was used, which one.</summary>
public sealed record PayloadDecoding
{
    public required SchemaFormat Format { get; init; }
    public DecodeStatus Status { get; init; }

    /// <summary>The registry id from the Confluent frame; null for local schema files and MessagePack.</summary>
    public int? SchemaId { get; init; }
    public string? Subject { get; init; }
    public int? Version { get; init; }

    /// <summary>The Avro record's full name or the Protobuf message's full name.</summary>
    public string? TypeName { get; init; }

    /// <summary>Why decoding did not succeed, for the UI; null when decoded.</summary>
    public string? Error { get; init; }

    /// <summary>Where the schema came from when it is not the registry: the local schema file's name.</summary>
    public string? SchemaFile { get; init; }
}
