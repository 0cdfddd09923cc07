using System.Diagnostics;
using EventObserver.Core.Conversations;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>The real tracker with a clock around <see cref="Observe"/>: how long the feed's thread spends tracking.</summary>
internal sealed class TimedTracker(ConversationTracker inner) : IConversationTracker
{
    private long _observeTicks;
    private long _observed;

    public bool Timing { get; set; }

    public double ObserveMs => Interlocked.Read(ref _observeTicks) * 1000.0 / Stopwatch.Frequency;

    public long ObservedEvents => Interlocked.Read(ref _observed);

    public IReadOnlyDictionary<TopicPartitionKey, long> Positions => inner.Positions;

    public void Observe(IReadOnlyList<EventEnvelope> batch)
    {
        var started = Stopwatch.GetTimestamp();
        inner.Observe(batch);
        if (Timing)
        {
            Interlocked.Add(ref _observeTicks, Stopwatch.GetTimestamp() - started);
            Interlocked.Add(ref _observed, batch.Count);
        }
    }

    public IReadOnlyList<ConversationAlert> Check(DateTimeOffset now) => inner.Check(now);

    public byte[] ExportSnapshot() => inner.ExportSnapshot();

    public void ImportSnapshot(ReadOnlySpan<byte> snapshot) => inner.ImportSnapshot(snapshot);

    public ConversationsOverview Overview(DateTimeOffset now, TimeSpan window) => inner.Overview(now, window);

    public IReadOnlyList<ConversationInfo> Conversations(string process, ConversationStatus? status, int limit) =>
        inner.Conversations(process, status, limit);

    public ConversationInfo? Find(string key) => inner.Find(key);
}
