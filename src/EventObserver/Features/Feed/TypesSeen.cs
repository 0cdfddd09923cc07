using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Feed;

/// <summary>Message types seen by a feed view (its rows and the timeline's count of the index), sorted, for the type filter's suggestions; bounded.</summary>
public sealed class TypesSeen
{
    public const int MaxTypes = 2_000;

    private readonly SortedSet<string> _types = new(StringComparer.Ordinal);

    public IReadOnlyList<string> All { get; private set; } = [];

    public void Add(IEnumerable<EventEnvelope> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Add(events.Select(e => e.MessageType));
    }

    public void Add(IEnumerable<string?> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var before = _types.Count;
        foreach (var type in types)
        {
            if (!string.IsNullOrEmpty(type) && _types.Count < MaxTypes)
            {
                _types.Add(type);
            }
        }

        if (_types.Count != before)
        {
            All = [.. _types];
        }
    }
}
