using EventObserver.Core.Indexing;

namespace EventObserver.Storage.Index;

/// <summary>
/// The retention gaps of an index in memory, oldest first, with running totals. Filled from the file at open
/// and after each commit that recorded a gap. Thread-safe.
/// </summary>
internal sealed class RetentionGapLog
{
    private readonly Lock _sync = new();
    private readonly List<RetentionGap> _gaps = [];
    private readonly Dictionary<string, long> _lostByTopic = new(StringComparer.Ordinal);
    private long _lost;

    public long Count
    {
        get { lock (_sync) { return _gaps.Count; } }
    }

    public long MessagesLost
    {
        get { lock (_sync) { return _lost; } }
    }

    public void Add(RetentionGap gap)
    {
        lock (_sync)
        {
            var at = _gaps.Count;
            while (at > 0 && _gaps[at - 1].DetectedAt > gap.DetectedAt)
            {
                at--;
            }

            _gaps.Insert(at, gap);
            _lost += gap.Count;
            _lostByTopic[gap.Topic] = _lostByTopic.GetValueOrDefault(gap.Topic) + gap.Count;
        }
    }

    /// <summary>
    /// The oldest gaps to let go: those detected before <paramref name="cutoff"/> and, beyond those, the oldest while
    /// more than <paramref name="keepAtMost"/> would remain. Oldest first.
    /// </summary>
    public IReadOnlyList<RetentionGap> Expired(DateTimeOffset cutoff, int keepAtMost)
    {
        lock (_sync)
        {
            var count = 0;
            while (count < _gaps.Count && (_gaps[count].DetectedAt < cutoff || _gaps.Count - count > keepAtMost))
            {
                count++;
            }

            return _gaps.GetRange(0, count);
        }
    }

    /// <summary>Forgets the <paramref name="count"/> oldest gaps (after they left the file).</summary>
    public void RemoveOldest(int count)
    {
        lock (_sync)
        {
            foreach (var gap in _gaps.GetRange(0, count))
            {
                _lost -= gap.Count;
                var left = _lostByTopic[gap.Topic] - gap.Count;
                if (left == 0)
                {
                    _lostByTopic.Remove(gap.Topic);
                }
                else
                {
                    _lostByTopic[gap.Topic] = left;
                }
            }

            _gaps.RemoveRange(0, count);
        }
    }

    public long LostFor(string topic)
    {
        lock (_sync) { return _lostByTopic.GetValueOrDefault(topic); }
    }

    /// <summary>Newest first, optionally of one topic, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<RetentionGap> Newest(string? topic, int limit)
    {
        lock (_sync)
        {
            var result = new List<RetentionGap>(Math.Min(limit, _gaps.Count));
            for (var i = _gaps.Count - 1; i >= 0 && result.Count < limit; i--)
            {
                if (topic is null || string.Equals(_gaps[i].Topic, topic, StringComparison.Ordinal))
                {
                    result.Add(_gaps[i]);
                }
            }

            return result;
        }
    }
}
