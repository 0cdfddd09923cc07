using EventObserver.Access;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Ingestion;
using EventObserver.Shared;

namespace EventObserver.Features.Topics;

/// <summary>
/// The Topics feature's reads, for its page and <c>/api/topics</c>, <c>/api/gaps</c>: what the cluster says (topics,
/// partitions), what the index holds (counts, last event, retention gaps) and what ingestion measures (rates), merged
/// into one row per topic. Each answer holds only the topics the asking user may read.
/// </summary>
public sealed class TopicQueries(IClusterInspector cluster, IndexReads reads, IngestionStatus ingestion)
{
    /// <summary>
    /// One row per topic <paramref name="access"/> may read; before an index is open, the cluster's (readable) topics
    /// with zero counts.
    /// </summary>
    public Task<IReadOnlyList<TopicOverview>> GetTopicsAsync(UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        cancellationToken.ThrowIfCancellationRequested();

        // The index keeps its statistics in memory and the inspector answers from its cache (refreshed in the background):
        // nothing here is worth a thread hop.
        var statistics = reads.RunNow(access, index => index.GetStatistics()).ValueOr(IndexStatistics.Empty);
        IReadOnlyList<ClusterTopic> clusterTopics = cluster.GetTopics();
        IReadOnlyDictionary<string, double> rates = ingestion.Rates.GetRates();
        if (!access.Topics.IsUnrestricted)
        {
            clusterTopics = [.. clusterTopics.Where(t => access.CanRead(t.Name))];
            rates = rates.Where(r => access.CanRead(r.Key)).ToDictionary(StringComparer.Ordinal);
        }

        return Task.FromResult(Merge(clusterTopics, statistics, rates));
    }

    /// <summary>
    /// Recorded retention gaps, newest first, of one topic or all (null) that <paramref name="access"/> may read; empty
    /// before an index is open.
    /// </summary>
    public Task<IReadOnlyList<RetentionGap>> GetGapsAsync(string? topic, int limit, UserAccess access, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Kept in memory by the index, like its statistics.
        IReadOnlyList<RetentionGap> none = [];
        return Task.FromResult(reads.RunNow(access, index => index.GetRetentionGaps(topic, limit)).ValueOr(none));
    }

    /// <summary>
    /// A topic appears when the cluster lists it or the index holds events of it (a topic deleted from the
    /// cluster keeps its indexed history). Partitions come from the cluster, else from what the index has seen.
    /// </summary>
    public static IReadOnlyList<TopicOverview> Merge(
        IReadOnlyList<ClusterTopic> clusterTopics,
        IndexStatistics statistics,
        IReadOnlyDictionary<string, double> rates)
    {
        var rows = new Dictionary<string, TopicOverview>(StringComparer.Ordinal);
        foreach (var topic in clusterTopics)
        {
            rows[topic.Name] = new TopicOverview(topic.Name, topic.Partitions, 0, null, 0);
        }

        foreach (var (name, stats) in statistics.Topics)
        {
            rows[name] = rows.TryGetValue(name, out var row)
                ? row with { Indexed = stats.Count, LastEventAt = stats.LastEventAt, Partitions = Math.Max(row.Partitions, stats.PartitionsSeen), LostToRetention = stats.LostToRetention }
                : new TopicOverview(name, stats.PartitionsSeen, stats.Count, stats.LastEventAt, 0, stats.LostToRetention);
        }

        foreach (var (name, rate) in rates)
        {
            if (rows.TryGetValue(name, out var row))
            {
                rows[name] = row with { EventsPerSec = Math.Round(rate, 2) };
            }
        }

        return [.. rows.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }
}
