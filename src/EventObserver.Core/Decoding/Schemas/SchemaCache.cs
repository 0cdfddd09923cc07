using System.Collections.Concurrent;

namespace EventObserver.Core.Decoding.Schemas;

/// <summary>
/// Registry schemas compiled once per id (ids are immutable in a registry). Bounded: past the limit the cache starts
/// over, which costs recompiles but never unbounded memory when a topic carries garbage that looks like many ids.
/// </summary>
internal sealed class SchemaCache(int capacity)
{
    private readonly ConcurrentDictionary<int, CompiledSchema> _compiled = new();

    public CompiledSchema GetOrCompile(RegisteredSchema schema)
    {
        if (_compiled.TryGetValue(schema.Id, out var compiled))
        {
            return compiled;
        }

        compiled = CompiledSchema.FromRegistry(schema);
        if (_compiled.Count >= capacity)
        {
            _compiled.Clear();
        }

        return _compiled.GetOrAdd(schema.Id, compiled);
    }
}
