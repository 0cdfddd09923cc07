namespace EventObserver.Kafka.Embedded;

/// <summary>A schema the embedded registry holds: text, type (AVRO, PROTOBUF, JSON) and references by subject and version.</summary>
internal sealed record StoredSchema(int Id, string Text, string Type, IReadOnlyList<StoredReference> References)
{
    /// <summary>Identity of a schema: the same text, type and references register as the same id, in any subject.</summary>
    public string Fingerprint => $"{Type}\n{Text}\n{string.Join("\n", References.Select(r => $"{r.Name}|{r.Subject}|{r.Version}"))}";
}
