using EventObserver.Core.Flows;
using EventObserver.Core.Projections;
using EventObserver.Storage.Projections;

namespace EventObserver.Features.Flows;

/// <summary>
/// The event types each saved projection has a handler for, to draw read models on the flow map. A script is
/// compiled once per saved version (in the replay sandbox, never run); scripts that do not compile are left out.
/// </summary>
public sealed class SavedProjectionTypes(ProjectionStore? store = null)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<(string Name, int Version), IReadOnlyCollection<string>> _compiled = [];

    public IReadOnlyList<FlowProjection> Current()
    {
        if (store is null)
        {
            return [];
        }

        var result = new List<FlowProjection>();
        foreach (var definition in store.List())
        {
            var types = TypesOf(definition);
            if (types.Count > 0)
            {
                result.Add(new FlowProjection(definition.Name, types));
            }
        }

        return result;
    }

    private IReadOnlyCollection<string> TypesOf(ProjectionDefinition definition)
    {
        lock (_sync)
        {
            if (!_compiled.TryGetValue((definition.Name, definition.Version), out var types))
            {
                try
                {
                    var compilation = ProjectionRunner.Create(definition.Script);
                    types = compilation.Runner is { } runner ? [.. runner.HandledTypes] : [];
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A script the sandbox cannot even load draws no read model; the replay page reports why.
                    types = [];
                }

                _compiled[(definition.Name, definition.Version)] = types;
            }

            return types;
        }
    }
}
