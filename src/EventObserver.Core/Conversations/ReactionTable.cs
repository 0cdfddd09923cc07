using System.Runtime.InteropServices;

namespace EventObserver.Core.Conversations;

/// <summary>Learned transitions cause type → effect (type, source), to say what a stopped conversation waits for.</summary>
internal sealed class ReactionTable
{
    // Distinct cause types are few; the cap keeps a flood of generated type names from growing it forever.
    private const int MaxCauses = 10_000;

    private readonly Dictionary<string, Dictionary<(string Type, string? Source), Seen>> _byCause = new(StringComparer.Ordinal);

    public void Learn(string causeType, string effectType, string? effectSource, string? effectTopic, long count = 1)
    {
        if (!_byCause.TryGetValue(causeType, out var effects))
        {
            if (_byCause.Count >= MaxCauses)
            {
                return;
            }

            effects = [];
            _byCause[causeType] = effects;
        }

        ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(effects, (effectType, effectSource), out _);
        seen.Count += count;
        seen.Topic = effectTopic ?? seen.Topic;
    }

    /// <summary>The most frequent reaction to <paramref name="causeType"/> with its share of all reactions to it.</summary>
    public ExpectedReaction? Expected(string causeType)
    {
        if (!_byCause.TryGetValue(causeType, out var effects) || effects.Count == 0)
        {
            return null;
        }

        long total = 0;
        var best = default(KeyValuePair<(string Type, string? Source), Seen>);
        foreach (var pair in effects)
        {
            total += pair.Value.Count;
            if (pair.Value.Count > best.Value.Count
                || (pair.Value.Count == best.Value.Count && string.CompareOrdinal(pair.Key.Type, best.Key.Type) < 0))
            {
                best = pair;
            }
        }

        return new ExpectedReaction(best.Key.Type, best.Key.Source, best.Value.Count, (double)best.Value.Count / total, best.Value.Topic);
    }

    public IEnumerable<(string Cause, string Type, string? Source, string? Topic, long Count)> All() =>
        _byCause.SelectMany(c => c.Value.Select(e => (c.Key, e.Key.Type, e.Key.Source, e.Value.Topic, e.Value.Count)));

    public void Clear() => _byCause.Clear();

    private struct Seen
    {
        public long Count;
        public string? Topic;
    }
}
