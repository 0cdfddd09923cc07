using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Feed;

/// <summary>Message types seen by a feed view, sorted, for the type filter's autocomplete; bounded.</summary>
public sealed class TypesSeen
{
    public const int MaxTypes = 2_000;

    private readonly SortedSet<string> _types = new(StringComparer.Ordinal);

    public IReadOnlyList<string> All { get; private set; } = [];

    public void Add(IEnumerable<EventEnvelope> events)
    {
        var before = _types.Count;
        foreach (var e in events)
        {
            if (!string.IsNullOrEmpty(e.MessageType) && _types.Count < MaxTypes)
            {
                _types.Add(e.MessageType);
            }
        }

        if (_types.Count != before)
        {
            All = [.. _types];
        }
    }
}
