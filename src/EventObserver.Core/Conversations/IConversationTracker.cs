using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Core.Conversations;

/// <summary>
/// Tracks conversations incrementally from committed batches (never by rescanning the index). Observe is called by
/// the index writer's thread, Check by a timer, the view by pages: implementations lock internally.
/// </summary>
public interface IConversationTracker : IConversationView
{
    /// <summary>
    /// Takes a committed batch. Messages at or below a partition's <see cref="Positions"/> entry were seen before and are
    /// skipped (so replays of a batch after a restart count once). Out-of-order arrival is expected.
    /// </summary>
    void Observe(IReadOnlyList<EventEnvelope> batch);

    /// <summary>
    /// Marks open conversations past their deadline as stuck, re-infers processes and deadline suggestions when due,
    /// samples the stuck-over-time series, and returns the alerts raised since the last call (stuck ones, and
    /// resolutions that Observe found), each once.
    /// </summary>
    IReadOnlyList<ConversationAlert> Check(DateTimeOffset now);

    /// <summary>The next offset to observe per partition (one past the highest observed).</summary>
    IReadOnlyDictionary<TopicPartitionKey, long> Positions { get; }

    /// <summary>Everything needed to resume after a restart (UTF-8 JSON), including <see cref="Positions"/>.</summary>
    byte[] ExportSnapshot();

    /// <summary>Replaces the state with a snapshot from <see cref="ExportSnapshot"/>; a snapshot that does not parse throws <see cref="FormatException"/>.</summary>
    void ImportSnapshot(ReadOnlySpan<byte> snapshot);
}
