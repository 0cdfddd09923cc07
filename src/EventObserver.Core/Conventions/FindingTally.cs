using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Conventions;

/// <summary>
/// Counts one rule's violations for one source. Memory is bounded: at most <see cref="MaxTrackedTypes"/> distinct
/// types are told apart (odd traffic with random type strings cannot grow it), each with its newest example, plus a
/// small ring of the newest examples overall.
/// </summary>
internal sealed class FindingTally(ConventionRule rule, int maxExamples, int maxTypes)
{
    public const int MaxTrackedTypes = 1000;

    private readonly Dictionary<string, TypeTally> _types = new(StringComparer.Ordinal);
    private readonly ConventionExample[] _recent = new ConventionExample[Math.Max(1, maxExamples)];
    private TypeTally? _untyped;
    private long _count;
    private long _added;

    public ConventionRule Rule => rule;

    public void Add(EventEnvelope envelope)
    {
        _count++;
        var example = ConventionExample.Of(envelope);
        _recent[_added++ % _recent.Length] = example;
        var type = string.IsNullOrWhiteSpace(envelope.MessageType) ? null : envelope.MessageType;
        if (type is null)
        {
            _untyped ??= new TypeTally(null);
            _untyped.Add(example);
        }
        else if (_types.TryGetValue(type, out var tally))
        {
            tally.Add(example);
        }
        else if (_types.Count < MaxTrackedTypes)
        {
            tally = new TypeTally(type);
            tally.Add(example);
            _types.Add(type, tally);
        }
    }

    public ConventionFinding Build()
    {
        var byCount = _types.Values.Append(_untyped).OfType<TypeTally>()
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Type, StringComparer.Ordinal)
            .ToList();
        var naming = rule is ConventionRule.EventNotPastTense or ConventionRule.CommandNotImperative;
        var types = byCount.Take(maxTypes)
            .Select(t => new ConventionTypeCount(t.Type, t.Count, naming && t.Type is not null ? TypeNameTense.ReadsAs(t.Type) : null))
            .ToList();
        return new ConventionFinding(rule, _count, byCount.Count, types, Examples(byCount));
    }

    /// <summary>The newest example of each of the most frequent types, then the newest others, newest first within each.</summary>
    private List<ConventionExample> Examples(List<TypeTally> byCount)
    {
        var picked = byCount.Take(maxExamples).Select(t => t.Newest!).ToList();
        var ring = Enumerable.Range(1, (int)Math.Min(_added, _recent.Length))
            .Select(back => _recent[(_added - back) % _recent.Length]);
        foreach (var example in ring)
        {
            if (picked.Count >= maxExamples)
            {
                break;
            }

            if (!picked.Contains(example))
            {
                picked.Add(example);
            }
        }

        return [.. picked.OrderByDescending(e => e.TimestampMs).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    private sealed class TypeTally(string? type)
    {
        public string? Type => type;

        public long Count { get; private set; }

        public ConventionExample? Newest { get; private set; }

        public void Add(ConventionExample example)
        {
            Count++;
            if (Newest is null || example.TimestampMs >= Newest.TimestampMs)
            {
                Newest = example;
            }
        }
    }
}
