using EventObserver.Core.Conversations;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Monitoring;

/// <summary>
/// Reads indexed events back into the tracker, oldest first, in calls of <see cref="ReadBatch"/>: beyond the tracker's
/// positions (after a snapshot), or the index's newest window (without one).
/// </summary>
internal static class IndexReadBack
{
    /// <summary>Without a snapshot, at most this many of the newest events are read back (about 10–40 s of reading).</summary>
    public const int MaxWindowEvents = 500_000;

    /// <summary>Events handed to the tracker per call.</summary>
    private const int ReadBatch = 1_000;

    /// <summary>Partitions per range read (the selection's own limit).</summary>
    private const int RangesPerRead = EventSelection.MaxRanges;

    public static long Window(IConversationTracker tracker, IEventIndex index, ref DateTimeOffset windowStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var checkpoints = index.GetCheckpoints();
        windowStart = NewestWindow.StartHoldingAtMost(index, windowStart, now, MaxWindowEvents, out _);
        var range = new EventRange
        {
            Selection = new EventSelection { From = windowStart },
            EndOffsets = checkpoints,
        };
        return Feed(tracker, index.ReadOldestFirst(range), cancellationToken);
    }

    public static long BeyondPositions(IConversationTracker tracker, IEventIndex index, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        var checkpoints = index.GetCheckpoints();
        var positions = tracker.Positions;
        var beyond = new List<PartitionRange>();
        var unseen = new List<PartitionRange>();
        foreach (var (partition, end) in checkpoints)
        {
            if (positions.TryGetValue(partition, out var next))
            {
                if (next < end)
                {
                    beyond.Add(new(partition.Topic, partition.Partition, next, end - 1));
                }
            }
            else
            {
                unseen.Add(new(partition.Topic, partition.Partition));
            }
        }

        var read = 0L;
        foreach (var chunk in beyond.Chunk(RangesPerRead))
        {
            read += Feed(tracker, index.ReadOldestFirst(new EventRange { Selection = new() { Ranges = chunk }, EndOffsets = checkpoints }), cancellationToken);
        }

        // Partitions the tracker never saw (new since the snapshot): their recent part, as without a snapshot.
        foreach (var chunk in unseen.Chunk(RangesPerRead))
        {
            read += Feed(tracker, index.ReadOldestFirst(new EventRange { Selection = new() { Ranges = chunk, From = windowStart }, EndOffsets = checkpoints }), cancellationToken);
        }

        return read;
    }

    private static long Feed(IConversationTracker tracker, IEnumerable<EventEnvelope> events, CancellationToken cancellationToken)
    {
        var batch = new List<EventEnvelope>(ReadBatch);
        var read = 0L;
        foreach (var envelope in events)
        {
            batch.Add(envelope);
            if (batch.Count == ReadBatch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tracker.Observe(batch);
                read += batch.Count;
                batch = new List<EventEnvelope>(ReadBatch);
            }
        }

        if (batch.Count > 0)
        {
            tracker.Observe(batch);
            read += batch.Count;
        }

        return read;
    }
}
