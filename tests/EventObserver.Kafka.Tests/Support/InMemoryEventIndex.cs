using EventObserver.Core.Envelopes;
using EventObserver.Core.Querying;
using EventObserver.Storage.Index;
using EventObserver.Storage.Retention;

namespace EventObserver.Kafka.Tests.Support;

/// <summary>TEMPORARY stand-in until the LiteDB index lands on main.</summary>
internal sealed class InMemoryEventIndex(string clusterId) : IEventIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, int, long), EventEnvelope> _events = [];
    private readonly Dictionary<TopicPartitionKey, long> _checkpoints = [];

    public string ClusterId => clusterId;
    public string FilePath => ":memory:";

    public int Write(IReadOnlyList<EventEnvelope> batch)
    {
        lock (_gate)
        {
            var stored = 0;
            foreach (var e in batch)
            {
                if (_events.TryAdd((e.Topic, e.Partition, e.Offset), e))
                {
                    stored++;
                }

                var key = new TopicPartitionKey(e.Topic, e.Partition);
                _checkpoints[key] = Math.Max(_checkpoints.GetValueOrDefault(key), e.Offset + 1);
            }

            return stored;
        }
    }

    public IReadOnlyDictionary<TopicPartitionKey, long> GetCheckpoints()
    {
        lock (_gate)
        {
            return new Dictionary<TopicPartitionKey, long>(_checkpoints);
        }
    }

    public EventEnvelope? Get(string topic, int partition, long offset)
    {
        lock (_gate)
        {
            return _events.GetValueOrDefault((topic, partition, offset));
        }
    }

    public IReadOnlyList<EventEnvelope> Query(EventQuery query)
    {
        lock (_gate)
        {
            return _events.Values
                .Where(e => query.Topic is null || e.Topic == query.Topic)
                .Where(e => query.CorrelationId is null || e.CorrelationId == query.CorrelationId)
                .OrderByDescending(e => e.TimestampMs)
                .Take(Math.Min(query.Limit, EventQuery.MaxLimit))
                .ToList();
        }
    }

    public IndexStatistics GetStatistics()
    {
        lock (_gate)
        {
            var topics = _events.Values.GroupBy(e => e.Topic).ToDictionary(
                g => g.Key,
                g => new TopicIndexStatistics(g.Key, g.Count(), g.Max(e => e.Timestamp), g.Select(e => e.Partition).Distinct().Count()));
            return new IndexStatistics(_events.Count, 0, topics);
        }
    }

    public long ApplyRetention(RetentionPolicy policy, DateTimeOffset now) => 0;

    public void Dispose()
    {
    }
}
