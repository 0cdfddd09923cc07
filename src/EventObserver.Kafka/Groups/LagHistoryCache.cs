using EventObserver.Core.Groups;

namespace EventObserver.Kafka.Groups;

/// <summary>
/// The last <c>retention</c> of each group's samples in memory, in front of the store: the groups page draws a
/// sparkline per group on every render, which must not read the file each time. A group's samples are read from the
/// store once (they survive restarts there), then appended to as refreshes run. Thread-safe.
/// </summary>
internal sealed class LagHistoryCache(ILagHistoryStore store, TimeSpan retention)
{
    private readonly Dictionary<string, List<LagSample>> _groups = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public void Append(IReadOnlyList<(string GroupId, LagSample Sample)> samples, DateTimeOffset now)
    {
        var oldest = now - retention;
        lock (_sync)
        {
            foreach (var (groupId, sample) in samples)
            {
                // Only groups already loaded: a group not read yet loads these samples from the store when first asked.
                if (_groups.TryGetValue(groupId, out var list))
                {
                    list.Add(sample);
                    var stale = list.FindIndex(s => s.At >= oldest);
                    if (stale > 0)
                    {
                        list.RemoveRange(0, stale);
                    }
                }
            }
        }
    }

    public IReadOnlyList<LagSample> Read(string groupId, TimeSpan span, DateTimeOffset now)
    {
        var since = now - span;
        if (span > retention)
        {
            return store.Read(groupId, since);
        }

        lock (_sync)
        {
            if (!_groups.TryGetValue(groupId, out var list))
            {
                list = [.. store.Read(groupId, now - retention)];
                _groups[groupId] = list;
            }

            return list.Where(s => s.At >= since).ToArray();
        }
    }

    /// <summary>Drops groups that are gone, so a cluster with churning group ids does not grow this without end.</summary>
    public void KeepOnly(IReadOnlySet<string> groupIds)
    {
        lock (_sync)
        {
            foreach (var gone in _groups.Keys.Where(id => !groupIds.Contains(id)).ToArray())
            {
                _groups.Remove(gone);
            }
        }
    }
}
