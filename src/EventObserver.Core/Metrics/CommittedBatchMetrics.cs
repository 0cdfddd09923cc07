using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Core.Metrics;

/// <summary>
/// Counts each committed batch into <c>eventobserver.ingestion.events_indexed</c> (per topic) and
/// <c>eventobserver.ingestion.decode_failures</c> (per decode status). Called on the writer's one thread; after the
/// first batch of a topic it allocates nothing.
/// </summary>
public sealed class CommittedBatchMetrics : ICommittedBatchObserver
{
    // Enum.ToString allocates: one string per status, made once.
    private static readonly KeyValuePair<string, object?>[] StatusTags =
        [.. Enum.GetValues<DecodeStatus>().Select(s => new KeyValuePair<string, object?>(Instruments.StatusTag, s.ToString()))];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _countsByTopic = new(StringComparer.Ordinal);

    public void OnCommitted(IReadOnlyList<EventEnvelope> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!Instruments.EventsIndexed.Enabled && !Instruments.DecodeFailures.Enabled)
        {
            return;
        }

        lock (_gate)
        {
            CountByTopic(batch, _countsByTopic, Instruments.EventsIndexed);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            CountFailure(batch[i].Decoding);
            CountFailure(batch[i].KeyDecoding);
        }
    }

    /// <summary>Adds the batch to <paramref name="counter"/> once per topic, reusing <paramref name="counts"/> (one caller at a time).</summary>
    public static void CountByTopic(IReadOnlyList<EventEnvelope> batch, Dictionary<string, long> counts, Counter<long> counter)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(counter);
        counts.Clear();
        for (var i = 0; i < batch.Count; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, batch[i].Topic, out _)++;
        }

        foreach (var (topic, count) in counts)
        {
            counter.Add(count, new KeyValuePair<string, object?>(Instruments.TopicTag, topic));
        }
    }

    private static void CountFailure(PayloadDecoding? decoding)
    {
        if (decoding is { Status: not DecodeStatus.Decoded } failed && (int)failed.Status < StatusTags.Length)
        {
            Instruments.DecodeFailures.Add(1, StatusTags[(int)failed.Status]);
        }
    }
}
