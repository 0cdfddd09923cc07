using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Features.Schemas;

/// <summary>
/// The Schemas feature's reads: a schema by registry id, for <c>/api/schemas/{id}</c> and the schema page. Without a
/// registry in the composition (none configured), every id is unavailable with a reason naming the setting.
/// </summary>
public sealed class SchemaQueries(ISchemaRegistry? registry = null)
{
    private readonly ISchemaRegistry _registry = registry ?? NoSchemaRegistry.Instance;

    public Task<SchemaLookup> LookupAsync(int id, CancellationToken cancellationToken) => _registry.LookupAsync(id, cancellationToken);
}
