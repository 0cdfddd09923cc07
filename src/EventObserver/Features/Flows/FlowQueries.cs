using EventObserver.Access;
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
/// <remarks>
/// A map is built for one user: only messages on topics they may read are analysed (<see cref="PermittedTopics"/>), so
/// every count, type, lane, latency and example is over those topics, and a cause on another topic is simply not
/// there. Answers are reused between users who may read the same topics. The map carries no payload or header value
/// (only the ids, types, sources and positions masking leaves as they are), so there is nothing in it to mask.
/// </remarks>
public sealed class FlowQueries(IndexReads reads, TimeProvider time, SavedProjectionTypes projections, int maxEvents = FlowMapOptions.DefaultMaxEvents)
{
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(2);

    /// <summary>Answers kept for reuse: one per window and set of readable topics.</summary>
    private const int KeptAnswers = 8;

    /// <summary>The windows the page offers; any other of up to <see cref="TimeWindow.Max"/> works in the URL and the API.</summary>
    public static IReadOnlyList<TimeWindow> Windows { get; } = [TimeWindow.FiveMinutes, TimeWindow.FifteenMinutes, TimeWindow.OneHour, TimeWindow.OneDay];

    public static TimeWindow DefaultWindow => TimeWindow.FifteenMinutes;

    private readonly Lock _sync = new();
    private readonly FlowMapBuilder _builder = new(new FlowMapOptions { MaxEvents = maxEvents });
    private readonly Dictionary<string, (DateTimeOffset At, FlowMap Map)> _last = new(StringComparer.Ordinal);

    public int MaxEvents => maxEvents;

    /// <summary>How long the last build took (the index read included); lets auto-refresh back off when reading is costly.</summary>
    public TimeSpan LastReadCost { get; private set; }

    public async Task<IndexRead<FlowMap>> ReadAsync(TimeWindow window, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(access);
        var read = await reads.RunAsync(index => Read(index, window, access), cancellationToken).ConfigureAwait(false);
        if (read.Status != IndexReadStatus.NoIndex)
        {
            return read;
        }

        var now = time.GetUtcNow();
        return IndexRead<FlowMap>.Of(FlowMap.Empty(now - window.Length, now));
    }

    private FlowMap Read(IEventIndex index, TimeWindow window, UserAccess access)
    {
        var topics = PermittedTopics.Of(index, access);
        var key = window.Text + "\n" + topics.Key;
        lock (_sync)
        {
            var now = time.GetUtcNow();
            if (_last.TryGetValue(key, out var last) && now - last.At < ReuseFor && now >= last.At)
            {
                return last.Map;
            }

            var started = time.GetTimestamp();
            var map = Build(index, window, now, topics);
            LastReadCost = time.GetElapsedTime(started);
            Keep(key, now, map);
            return map;
        }
    }

    private FlowMap Build(IEventIndex index, TimeWindow window, DateTimeOffset now, PermittedTopics topics)
    {
        var from = now - window.Length;
        if (topics.IsNone)
        {
            return FlowMap.Empty(from, now);
        }

        var selection = topics.Restrict(EventSelection.All);
        var start = NewestWindow.StartHoldingAtMost(index, selection, from, now, maxEvents, out _);
        var events = index.ReadOldestFirst(new EventRange { Selection = selection with { From = start } }).Where(e => topics.CanRead(e.Topic));
        return _builder.Build(events, from, now, projections.Current(), alreadyCapped: start > from);
    }

    private void Keep(string key, DateTimeOffset now, FlowMap map)
    {
        _last[key] = (now, map);
        if (_last.Count > KeptAnswers)
        {
            _last.Remove(_last.MinBy(e => e.Value.At).Key);
        }
    }
}
