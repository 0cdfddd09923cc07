using EventObserver.Access;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Ingestion;
using EventObserver.Shared;

namespace EventObserver.Features.Topics;

/// <summary>
/// One topic in detail, for <c>/topics/{name}</c> and <c>GET /api/topics/{name}</c>: the cluster's description of its
/// partitions, the index's ranges, checkpoints, gaps and recent producers, ingestion's rate, and the groups consuming it
/// (from the latest group refresh). A topic the user may not read answers exactly like one that does not exist.
/// </summary>
/// <remarks>
/// Finding the producers decodes up to <see cref="ProducerSampleLimit"/> events (about 0.15 s for a busy topic), so that
/// sample is reused for <see cref="ProducersReusedFor"/> per topic: pages refreshing every few seconds cost one read. It
/// holds only sources and counts of a topic, and is only handed to users who may read that topic.
/// </remarks>
public sealed class TopicDetailQueries(
    IClusterInspector cluster, IndexReads reads, IngestionStatus ingestion, IConsumerGroupView groups, TimeProvider time)
{
    public static readonly TimeSpan ProducersReusedFor = TimeSpan.FromSeconds(10);

    /// <summary>Producer samples kept for reuse, one per topic; the oldest is dropped beyond this.</summary>
    private const int KeptSamples = 32;

    private readonly Lock _sync = new();
    private readonly Dictionary<string, (DateTimeOffset At, TopicProducersDto Producers)> _producers = new(StringComparer.Ordinal);

    /// <summary>At most this many of the topic's newest events are read to find its producers.</summary>
    public const int ProducerSampleLimit = 10_000;

    /// <summary>The producers are looked for over this span before the topic's last event.</summary>
    public static readonly TimeSpan ProducerWindow = TimeSpan.FromHours(1);

    /// <summary>How many retention gaps of the topic the answer lists (the newest).</summary>
    public const int GapsListed = 100;

    /// <summary>The topic, or null when neither the cluster nor the index knows it, or <paramref name="access"/> may not read it.</summary>
    public async Task<TopicDetailDto?> GetAsync(string topic, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(access);
        if (topic.Length == 0 || !access.CanRead(topic))
        {
            return null;
        }

        var describing = cluster.DescribeTopicAsync(topic, cancellationToken);
        var indexed = await reads.RunAsync(access, index => ReadIndex(index, topic, cancellationToken), cancellationToken).ConfigureAwait(false);
        var description = await describing.ConfigureAwait(false);
        var part = indexed.ValueOr(IndexPart.Nothing);
        if (!description.Listed && part.Statistics is null)
        {
            return null;
        }

        var statistics = part.Statistics;
        var partitions = Partitions(description, part);
        var rate = ingestion.Rates.GetRates().GetValueOrDefault(topic);
        var snapshot = groups.Current;
        return new TopicDetailDto(
            topic,
            partitions.Count,
            statistics?.Count ?? 0,
            statistics?.LastEventAt,
            Math.Round(rate, 2),
            statistics?.LostToRetention ?? 0,
            description.Listed,
            description.Listed ? description.Error : description.Error ?? "The cluster does not list this topic (any more).",
            indexed.Status switch
            {
                IndexReadStatus.NoIndex => "No index is open yet.",
                IndexReadStatus.Failed => "Reading the index failed.",
                _ => null,
            },
            partitions,
            [.. part.Gaps.Take(GapsListed).Select(g => new RetentionGapDto(g.Topic, g.Partition, g.FirstOffset, g.LastOffset, g.Count, g.DetectedAt))],
            ConsumingGroups(snapshot, topic),
            snapshot.Error is { } error ? $"{snapshot.Source}: {error}" : snapshot.Source,
            part.Producers);
    }

    /// <summary>The groups of <paramref name="snapshot"/> that consume <paramref name="topic"/>, most lagging first.</summary>
    public static IReadOnlyList<TopicGroupDto> ConsumingGroups(ConsumerGroupsSnapshot snapshot, string topic)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rows = new List<TopicGroupDto>();
        foreach (var group in snapshot.Groups)
        {
            if (group.Topics.FirstOrDefault(t => string.Equals(t.Topic, topic, StringComparison.Ordinal)) is { } lag)
            {
                rows.Add(new TopicGroupDto(group.GroupId, group.State.ToString(), group.Members.Count, lag.Lag, lag.MaxTimeLag?.TotalSeconds, group.Error));
            }
        }

        return [.. rows.OrderByDescending(r => r.Lag).ThenBy(r => r.GroupId, StringComparer.Ordinal)];
    }

    private IndexPart ReadIndex(IEventIndex index, string topic, CancellationToken cancellationToken)
    {
        var statistics = index.GetStatistics().Topics.GetValueOrDefault(topic);
        if (statistics is null)
        {
            return IndexPart.Nothing;
        }

        // Ranges before checkpoints: a write adds its chunks before it moves the checkpoint, so read in this order the
        // next offset is never shown behind the newest indexed one.
        var ranges = index.GetPartitionRanges(topic);
        var checkpoints = index.GetCheckpoints()
            .Where(c => string.Equals(c.Key.Topic, topic, StringComparison.Ordinal))
            .ToDictionary(c => c.Key.Partition, c => c.Value);
        var gaps = index.GetRetentionGaps(topic);
        return new IndexPart(statistics, ranges, checkpoints, gaps, ReusedProducers(index, topic, statistics, cancellationToken));
    }

    private TopicProducersDto ReusedProducers(IEventIndex index, string topic, TopicIndexStatistics statistics, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_sync)
        {
            if (_producers.TryGetValue(topic, out var kept) && now - kept.At < ProducersReusedFor && now >= kept.At)
            {
                return kept.Producers;
            }
        }

        var producers = Producers(index, topic, statistics, cancellationToken);
        lock (_sync)
        {
            _producers[topic] = (now, producers);
            if (_producers.Count > KeptSamples)
            {
                _producers.Remove(_producers.MinBy(p => p.Value.At).Key);
            }
        }

        return producers;
    }

    private static TopicProducersDto Producers(IEventIndex index, string topic, TopicIndexStatistics statistics, CancellationToken cancellationToken)
    {
        if (statistics.LastEventAt is not { } last)
        {
            return TopicProducersDto.None;
        }

        // The hour before the topic's last event (not before now), so a quiet topic still shows who wrote to it.
        var to = last.AddMilliseconds(1);
        var from = to - ProducerWindow;
        var selection = new EventSelection { Topics = [topic] };
        var start = NewestWindow.StartHoldingAtMost(index, selection, from, to, ProducerSampleLimit, out _);
        var seen = new Dictionary<string, (long Events, long LastMs)>(StringComparer.Ordinal);
        long read = 0, none = 0, noneLastMs = 0;
        foreach (var envelope in index.ReadOldestFirst(new EventRange { Selection = selection with { From = start, To = to } }))
        {
            if (++read > ProducerSampleLimit)
            {
                break;
            }

            if (read % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (envelope.Source is not { } source)
            {
                none++;
                noneLastMs = Math.Max(noneLastMs, envelope.TimestampMs);
                continue;
            }

            var (events, lastMs) = seen.GetValueOrDefault(source);
            seen[source] = (events + 1, Math.Max(lastMs, envelope.TimestampMs));
        }

        var sources = seen
            .Select(s => new TopicProducerDto(s.Key, s.Value.Events, DateTimeOffset.FromUnixTimeMilliseconds(s.Value.LastMs)))
            .ToList();
        if (none > 0)
        {
            sources.Add(new TopicProducerDto(null, none, DateTimeOffset.FromUnixTimeMilliseconds(noneLastMs)));
        }

        return new TopicProducersDto(
            [.. sources.OrderByDescending(s => s.Events).ThenBy(s => s.Source, StringComparer.Ordinal)],
            Math.Min(read, ProducerSampleLimit),
            start,
            last,
            start > from || read > ProducerSampleLimit);
    }

    private static List<TopicPartitionDto> Partitions(ClusterTopicDescription description, IndexPart part)
    {
        var described = description.Partitions.ToDictionary(p => p.Partition);
        var ranges = part.Ranges.ToDictionary(r => r.Partition);
        var lost = part.Gaps.GroupBy(g => g.Partition).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var numbers = described.Keys.Concat(ranges.Keys).Concat(part.Checkpoints.Keys).Distinct().Order();
        return [.. numbers.Select(n =>
        {
            var cluster = described.GetValueOrDefault(n);
            var range = ranges.GetValueOrDefault(n);
            return new TopicPartitionDto(
                n,
                cluster?.Leader,
                cluster?.Replicas,
                cluster?.InSyncReplicas,
                cluster?.Low,
                cluster?.High,
                range?.OldestOffset,
                range?.NewestOffset,
                range?.Count ?? 0,
                part.Checkpoints.TryGetValue(n, out var next) ? next : null,
                lost.GetValueOrDefault(n));
        })];
    }

    private sealed record IndexPart(
        TopicIndexStatistics? Statistics,
        IReadOnlyList<PartitionIndexRange> Ranges,
        IReadOnlyDictionary<int, long> Checkpoints,
        IReadOnlyList<RetentionGap> Gaps,
        TopicProducersDto Producers)
    {
        public static IndexPart Nothing { get; } = new(null, [], new Dictionary<int, long>(), [], TopicProducersDto.None);
    }
}
