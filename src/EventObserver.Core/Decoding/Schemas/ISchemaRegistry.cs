namespace EventObserver.Core.Decoding.Schemas;

/// <summary>
/// Schemas by registry id (Confluent Schema Registry or a compatible one such as Apicurio). Answers are cached; an id
/// that could not be fetched is not asked again for a back-off period, so a down registry costs its timeout once per
/// id and period, not once per message. Never throws.
/// </summary>
public interface ISchemaRegistry
{
    /// <summary>False when no registry URL is configured: framed payloads are then <see cref="DecodeStatus.SchemaUnavailable"/>.</summary>
    bool IsConfigured { get; }

    /// <summary>Blocks at most the configured timeout (ingestion calls it on its own thread).</summary>
    SchemaLookup Lookup(int id);

    Task<SchemaLookup> LookupAsync(int id, CancellationToken cancellationToken);
}
