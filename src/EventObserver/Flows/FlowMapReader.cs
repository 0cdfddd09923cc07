using EventObserver.Core.Flows;
using EventObserver.Core.Querying;
using EventObserver.Storage.Index;

namespace EventObserver.Flows;

/// <summary>
/// The flow map of the last <see cref="FlowWindow"/> over the current index, shared by the page and the API.
/// Reads at most <see cref="MaxEvents"/> messages (the most recent of the window): when the window holds more,
/// its start is moved forward by bisecting on the index's exact counts (mostly answered from chunk metadata), so a
/// 24 h window on a busy cluster never decodes more than about the cap. One build at a time; an answer is reused
/// for <see cref="ReuseFor"/>, so several open pages refreshing together cost one read. Synchronous, like LiteDB.
/// </summary>
public sealed class FlowMapReader(EventIndexProvider provider, TimeProvider time, SavedProjectionTypes projections, int maxEvents = FlowMapOptions.DefaultMaxEvents)
{
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(2);

    private readonly Lock _sync = new();
    private readonly FlowMapBuilder _builder = new(new FlowMapOptions { MaxEvents = maxEvents });
    private (string Window, DateTimeOffset At, FlowMap Map)? _last;

    public int MaxEvents => maxEvents;

    public FlowMap Read(FlowWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        lock (_sync)
        {
            var now = time.GetUtcNow();
            if (_last is { } last && last.Window == window.Text && now - last.At < ReuseFor && now >= last.At)
            {
                return last.Map;
            }

            var map = Build(window, now);
            _last = (window.Text, now, map);
            return map;
        }
    }

    private FlowMap Build(FlowWindow window, DateTimeOffset now)
    {
        var from = now - window.Length;
        if (provider.Current is not { } index)
        {
            return FlowMap.Empty(from, now);
        }

        var start = from;
        var capped = false;
        if (index.Count(Since(from)) > maxEvents)
        {
            start = LatestStartHolding(index, from, now);
            capped = true;
        }

        return _builder.Build(index.ReadOldestFirst(Since(start)), from, now, projections.Current(), capped);
    }

    /// <summary>A start inside the window after which at least the cap (and not much more) is indexed.</summary>
    private DateTimeOffset LatestStartHolding(IEventIndex index, DateTimeOffset from, DateTimeOffset to)
    {
        var low = from.ToUnixTimeMilliseconds();
        var high = to.ToUnixTimeMilliseconds();
        for (var i = 0; i < 40 && high - low > 1; i++)
        {
            var middle = low + (high - low) / 2;
            var count = index.Count(Since(DateTimeOffset.FromUnixTimeMilliseconds(middle)));
            if (count < maxEvents)
            {
                high = middle;
            }
            else
            {
                low = middle;
                if (count <= maxEvents + maxEvents / 20)
                {
                    break;
                }
            }
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(low);
    }

    private static EventRange Since(DateTimeOffset from) => new() { Filter = new EventQuery { From = from } };
}
