namespace EventObserver.Kafka.Embedded;

/// <summary>A schema reference as the registry protocol carries it (a Protobuf import name, or an Avro named type).</summary>
internal sealed record StoredReference(string Name, string Subject, int Version);
