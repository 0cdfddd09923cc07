using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;

namespace EventObserver.Features.Lineage;

/// <summary>
/// Whether a visible message's causation id names a message the reader may not see: a hidden node of the graph, or
/// (for a cause the walk did not reach) an indexed message found only on topics the reader may not read. An id the
/// index does not hold is the visible message's own reference and stays. Answers are cached for one redaction.
/// </summary>
internal sealed class HiddenCauses
{
    private readonly HashSet<string> _visible = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _looked = new(StringComparer.Ordinal);
    private readonly Func<string, bool> _canRead;
    private readonly Func<string, IReadOnlyList<EventEnvelope>>? _occurrences;

    public HiddenCauses(LineageGraph graph, IReadOnlySet<string> hiddenNodes, Func<string, bool> canRead, Func<string, IReadOnlyList<EventEnvelope>>? occurrences)
    {
        _canRead = canRead;
        _occurrences = occurrences;
        foreach (var node in graph.Nodes)
        {
            if (node.Envelope is { } e)
            {
                (hiddenNodes.Contains(node.Id) ? _hidden : _visible).Add(e.MessageId);
            }
        }
    }

    public bool IsHidden(EventEnvelope effect)
    {
        var cause = effect.CausationId;
        if (string.IsNullOrEmpty(cause) || cause == effect.MessageId || _visible.Contains(cause))
        {
            return false;
        }

        if (_hidden.Contains(cause))
        {
            return true;
        }

        if (_occurrences is null)
        {
            return false;
        }

        if (!_looked.TryGetValue(cause, out var hidden))
        {
            var found = _occurrences(cause);
            _looked[cause] = hidden = found.Count > 0 && !found.Any(m => _canRead(m.Topic));
        }

        return hidden;
    }
}
