using EventObserver.Access;
using EventObserver.Core.Flows;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Core.Topology;
using EventObserver.Features.Flows;
using EventObserver.Kafka.Admin;
using EventObserver.Shared;

namespace EventObserver.Features.Topology;

/// <summary>
/// The service topology of the last <see cref="TimeWindow"/>, shared by the page and <c>/api/topology</c>: who wrote to
/// which topic (the <c>source</c> of each message, counted from the index through <see cref="IndexReads"/>, off the
/// caller's thread), the topics (the cluster's and the index's), and the consumer groups of the latest refresh
/// (<see cref="IConsumerGroupView.Current"/>). Reads the window like the flow map: at most <see cref="MaxEvents"/>
/// messages, the newest of the window (<see cref="NewestWindow"/>), and reuses counts for <see cref="ReuseFor"/>, so
/// several open pages refreshing together cost one read. The groups are always the latest.
/// </summary>
/// <remarks>
/// A map is built for one user: only topics they may read are counted or drawn, with their links; a group keeps only
/// its readable topics, and a group left with none is not shown (whether it exists would say what it reads).
/// </remarks>
public sealed class TopologyQueries(
    IndexReads reads, IClusterInspector cluster, IConsumerGroupView groups, TimeProvider time, int maxEvents = FlowMapOptions.DefaultMaxEvents)
{
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(2);

    private const int KeptAnswers = 8;

    /// <summary>The windows the page offers; any other of up to <see cref="TimeWindow.Max"/> works in the URL and the API.</summary>
    public static IReadOnlyList<TimeWindow> Windows => FlowQueries.Windows;

    public static TimeWindow DefaultWindow => FlowQueries.DefaultWindow;

    private readonly Lock _sync = new();
    private readonly TopologyBuilder _builder = new();
    private readonly Dictionary<string, (DateTimeOffset At, Counted Counts)> _last = new(StringComparer.Ordinal);

    public int MaxEvents => maxEvents;

    public TopologyOptions Options => _builder.Options;

    /// <summary>Where the groups come from; the page follows its <see cref="IConsumerGroupView.Refreshed"/>.</summary>
    public IConsumerGroupView Groups => groups;

    public async Task<IndexRead<TopologyMap>> ReadAsync(TimeWindow window, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(access);
        var read = await reads.RunAsync(index => Count(index, window, access), cancellationToken).ConfigureAwait(false);
        if (read.Status == IndexReadStatus.Failed)
        {
            return IndexRead<TopologyMap>.Failed(read.Error ?? "the index could not be read");
        }

        var now = time.GetUtcNow();
        var counted = read.Succeeded ? read.Value! : new Counted(TopologyTraffic.Empty(now - window.Length, now), []);
        var topics = counted.IndexTopics.Concat(cluster.GetTopics().Select(t => t.Name).Where(access.CanRead));
        return IndexRead<TopologyMap>.Of(_builder.Build(counted.Traffic, topics, Visible(groups.Current, access)));
    }

    /// <summary>
    /// The groups as <paramref name="access"/> may see them: each with its readable topics and partitions only (totals
    /// over those), and none left with nothing readable. An unrestricted user sees every group, failed ones included.
    /// </summary>
    public static ConsumerGroupsSnapshot Visible(ConsumerGroupsSnapshot snapshot, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(access);
        if (access.Topics.IsUnrestricted)
        {
            return snapshot;
        }

        var visible = new List<ConsumerGroupStatus>(snapshot.Groups.Count);
        foreach (var group in snapshot.Groups)
        {
            var topics = group.Topics.Where(t => access.CanRead(t.Topic)).ToList();
            if (topics.Count == 0)
            {
                continue;
            }

            visible.Add(group with
            {
                Topics = topics,
                Partitions = [.. group.Partitions.Where(p => access.CanRead(p.Topic))],
                Members = [.. group.Members.Select(m => m with { Assignment = [.. m.Assignment.Where(a => access.CanRead(a.Topic))] })],
                TotalLag = topics.Sum(t => t.Lag),
                MaxTimeLag = topics.Select(t => t.MaxTimeLag).Max(),
            });
        }

        return snapshot with { Groups = visible };
    }

    private Counted Count(IEventIndex index, TimeWindow window, UserAccess access)
    {
        var topics = PermittedTopics.Of(index, access);
        var key = window.Text + "\n" + topics.Key;
        lock (_sync)
        {
            var now = time.GetUtcNow();
            if (_last.TryGetValue(key, out var last) && now - last.At < ReuseFor && now >= last.At)
            {
                return last.Counts;
            }

            var counted = Tally(index, window, now, topics);
            _last[key] = (now, counted);
            if (_last.Count > KeptAnswers)
            {
                _last.Remove(_last.MinBy(e => e.Value.At).Key);
            }

            return counted;
        }
    }

    private Counted Tally(IEventIndex index, TimeWindow window, DateTimeOffset now, PermittedTopics topics)
    {
        var from = now - window.Length;
        var indexTopics = index.GetStatistics().Topics.Keys.Where(topics.CanRead).ToList();
        if (topics.IsNone)
        {
            return new Counted(TopologyTraffic.Empty(from, now), indexTopics);
        }

        var selection = topics.Restrict(EventSelection.All);
        var start = NewestWindow.StartHoldingAtMost(index, selection, from, now, maxEvents, out _);
        var tally = new Dictionary<(string? Source, string Topic), (long Count, long DeadLetters)>();
        long read = 0;
        DateTimeOffset? oldest = null;
        foreach (var e in index.ReadOldestFirst(new EventRange { Selection = selection with { From = start, To = now } }))
        {
            if (!topics.CanRead(e.Topic))
            {
                continue;
            }

            read++;
            // Offset order within a partition, not strictly time order: keep the minimum.
            oldest = oldest is { } o && o <= e.Timestamp ? o : e.Timestamp;
            var (count, dead) = tally.GetValueOrDefault((e.Source, e.Topic));
            tally[(e.Source, e.Topic)] = (count + 1, dead + (e.DeadLetterOf is null ? 0 : 1));
        }

        var counts = tally.Select(t => new ProducerTopicCount(t.Key.Source, t.Key.Topic, t.Value.Count, t.Value.DeadLetters)).ToList();
        // Rates are over the span the index covers: a window reaching back before the first indexed message (the
        // observer started five minutes ago, the window is an hour) would otherwise divide five minutes of traffic by an hour.
        var spanFrom = oldest is { } first && first > start ? first : start;
        return new Counted(new TopologyTraffic(counts, spanFrom, now, read, Capped: start > from), indexTopics);
    }

    private sealed record Counted(TopologyTraffic Traffic, IReadOnlyList<string> IndexTopics);
}
