using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Tests.Decoding.Schemas;

/// <summary>An in-memory registry: ids with schemas, and an outage switch; unknown ids are Unknown.</summary>
internal sealed class FakeSchemaRegistry : ISchemaRegistry
{
    private readonly Dictionary<int, RegisteredSchema> _schemas = [];

    public bool IsConfigured => true;

    /// <summary>While true, every lookup is Unavailable (registry down or timing out).</summary>
    public bool Down { get; set; }

    public int Lookups { get; private set; }

    public FakeSchemaRegistry Add(int id, SchemaFormat format, string text, string? subject = null, int? version = null,
        IReadOnlyList<SchemaReferenceText>? references = null, IReadOnlyList<SchemaPlace>? places = null)
    {
        _schemas[id] = new RegisteredSchema
        {
            Id = id,
            Format = format,
            Text = text,
            Subject = subject,
            Version = version,
            References = references ?? [],
            Places = places ?? [],
        };
        return this;
    }

    public SchemaLookup Lookup(int id)
    {
        Lookups++;
        if (Down)
        {
            return SchemaLookup.Unavailable("Registry http://registry.test timed out.");
        }

        return _schemas.TryGetValue(id, out var schema) ? SchemaLookup.Found(schema) : SchemaLookup.Unknown($"Schema {id} not found.");
    }

    public Task<SchemaLookup> LookupAsync(int id, CancellationToken cancellationToken) => Task.FromResult(Lookup(id));
}
