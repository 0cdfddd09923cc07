namespace EventObserver.Core.Decoding.Schemas;

/// <summary>The registry when none is configured: every id is unavailable, with a message that says what to set.</summary>
public sealed class NoSchemaRegistry : ISchemaRegistry
{
    public static readonly NoSchemaRegistry Instance = new();

    private const string Reason = "No schema registry is configured (set EventObserver:Kafka:SchemaRegistry:Url).";

    public bool IsConfigured => false;

    public SchemaLookup Lookup(int id) => SchemaLookup.Unavailable(Reason);

    public Task<SchemaLookup> LookupAsync(int id, CancellationToken cancellationToken) => Task.FromResult(Lookup(id));
}
