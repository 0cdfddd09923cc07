using System.Runtime.InteropServices;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Core.Metrics;

/// <summary>
/// Counts each committed batch per topic into a <see cref="RateMeter"/>: the ingestion rates (events/s). On an index
/// several observers share it also counts the others' batches, so every instance shows the cluster's rates.
/// </summary>
public sealed class TopicRateObserver(RateMeter rates) : ISharedIndexBatchObserver
{
    private readonly Lock _gate = new();

    // Reused for every batch: counting allocates nothing once a topic has been seen.
    private readonly Dictionary<string, int> _countsByTopic = new(StringComparer.Ordinal);

    public void OnCommitted(IReadOnlyList<EventEnvelope> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            _countsByTopic.Clear();
            for (var i = 0; i < batch.Count; i++)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_countsByTopic, batch[i].Topic, out _)++;
            }

            foreach (var (topic, count) in _countsByTopic)
            {
                rates.Record(topic, count);
            }
        }
    }
}
