using System.Collections.Concurrent;

using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Tests.Infrastructure;

/// <summary>A registry in memory: known schemas are found, other ids unknown, everything unavailable while <see cref="Down"/>.</summary>
public sealed class FakeSchemaRegistry : ISchemaRegistry
{
    private readonly ConcurrentDictionary<int, RegisteredSchema> _schemas = new();

    /// <summary>When set, every lookup answers unavailable with this reason.</summary>
    public string? Down { get; set; }

    public int Lookups => _lookups;

    private int _lookups;

    public bool IsConfigured => true;

    public void Add(RegisteredSchema schema) => _schemas[schema.Id] = schema;

    public SchemaLookup Lookup(int id)
    {
        Interlocked.Increment(ref _lookups);
        return Down is { } reason ? SchemaLookup.Unavailable(reason)
            : _schemas.TryGetValue(id, out var schema) ? SchemaLookup.Found(schema)
            : SchemaLookup.Unknown($"Schema {id} not found (40403).");
    }

    public Task<SchemaLookup> LookupAsync(int id, CancellationToken cancellationToken) => Task.FromResult(Lookup(id));
}
