using EventObserver.Core.Flows;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Shared;

namespace EventObserver.Features.Flows;

/// <summary>
/// The flow map of the last <see cref="TimeWindow"/> over the current index, shared by the page and the API; read
/// through <see cref="IndexReads"/> (off the caller's thread). Before any index is open the map is empty over the
/// window, as over an empty index. Reads at most <see cref="MaxEvents"/> messages (the most recent of the window):
/// when the window holds more, its start is moved forward until the rest fits (<see cref="NewestWindow"/>), so a 24 h
/// window on a busy cluster never decodes more than the cap. One build at a time; an answer is reused for
/// <see cref="ReuseFor"/>, so several open pages refreshing together cost one read.
/// </summary>
public sealed class FlowQueries(IndexReads reads, TimeProvider time, SavedProjectionTypes projections, int maxEvents = FlowMapOptions.DefaultMaxEvents)
{
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(2);

    /// <summary>The windows the page offers; any other of up to <see cref="TimeWindow.Max"/> works in the URL and the API.</summary>
    public static IReadOnlyList<TimeWindow> Windows { get; } = [TimeWindow.FiveMinutes, TimeWindow.FifteenMinutes, TimeWindow.OneHour, TimeWindow.OneDay];

    public static TimeWindow DefaultWindow => TimeWindow.FifteenMinutes;

    private readonly Lock _sync = new();
    private readonly FlowMapBuilder _builder = new(new FlowMapOptions { MaxEvents = maxEvents });
    private (string Window, DateTimeOffset At, FlowMap Map)? _last;

    public int MaxEvents => maxEvents;

    /// <summary>How long the last build took (the index read included); lets auto-refresh back off when reading is costly.</summary>
    public TimeSpan LastReadCost { get; private set; }

    public async Task<IndexRead<FlowMap>> ReadAsync(TimeWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var read = await reads.RunAsync(index => Read(index, window), cancellationToken).ConfigureAwait(false);
        if (read.Status != IndexReadStatus.NoIndex)
        {
            return read;
        }

        var now = time.GetUtcNow();
        return IndexRead<FlowMap>.Of(FlowMap.Empty(now - window.Length, now));
    }

    private FlowMap Read(IEventIndex index, TimeWindow window)
    {
        lock (_sync)
        {
            var now = time.GetUtcNow();
            if (_last is { } last && last.Window == window.Text && now - last.At < ReuseFor && now >= last.At)
            {
                return last.Map;
            }

            var started = time.GetTimestamp();
            var map = Build(index, window, now);
            LastReadCost = time.GetElapsedTime(started);
            _last = (window.Text, now, map);
            return map;
        }
    }

    private FlowMap Build(IEventIndex index, TimeWindow window, DateTimeOffset now)
    {
        var from = now - window.Length;
        var start = NewestWindow.StartHoldingAtMost(index, from, now, maxEvents, out _);
        return _builder.Build(index.ReadOldestFirst(Since(start)), from, now, projections.Current(), alreadyCapped: start > from);
    }

    private static EventRange Since(DateTimeOffset from) => new() { Selection = new EventSelection { From = from } };
}
