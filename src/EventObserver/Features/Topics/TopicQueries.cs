using EventObserver.Core.Indexing;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Ingestion;
using EventObserver.Monitoring;

namespace EventObserver.Features.Topics;

/// <summary>
/// Merges what the cluster says (topics, partitions), what the index holds (counts, last event) and
/// what ingestion measures (rates) into one row per topic.
/// </summary>
public sealed class TopicOverviewReader(IClusterInspector cluster, IndexStatisticsReader index, IngestionStatus ingestion)
{
    public IReadOnlyList<TopicOverview> GetTopics() =>
        Merge(cluster.GetTopics(), index.Read(), ingestion.Rates.GetRates());

    /// <summary>The newest retention gaps of all topics.</summary>
    public IReadOnlyList<RetentionGap> GetRecentGaps(int limit) => index.ReadGaps(null, limit);

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
