using System.Text;

using EventObserver.Core.Conversations;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Monitoring;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Conversations;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Tests.Monitoring;

/// <summary>
/// The monitor's real surroundings in a temp folder: a LiteDB index (<c>index.db</c>) and the snapshot file beside it,
/// a fake clock at <see cref="Now"/>. Monitors and stores are made per "process run" and disposed with the harness.
/// </summary>
internal sealed class MonitorHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly List<IDisposable> _owned = [];

    public MonitorHarness()
    {
        Indexes = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = _directory.File("index.db"), MaxEvents = null, MaxAge = null }),
            NullLogger<EventIndexProvider>.Instance, TimeProvider.System);
        Index = Indexes.OpenForCluster("cluster-a");
    }

    public EventIndexProvider Indexes { get; }

    public IEventIndex Index { get; private set; }

    public FakeTimeProvider Time { get; } = new(Now);

    public string SnapshotPath => LiteDbConversationSnapshotStore.PathNextTo(_directory.File("index.db"));

    /// <summary>An event of <paramref name="topic"/>/0 at <paramref name="offset"/>, <paramref name="at"/> (default: <see cref="Now"/> − 1 min + offset s).</summary>
    public static EventEnvelope Event(long offset, string type = "OrderPlaced", string? correlation = null, DateTimeOffset? at = null, string topic = "orders", int partition = 0) => new()
    {
        Topic = topic,
        Partition = partition,
        Offset = offset,
        TimestampMs = (at ?? Now.AddMinutes(-1).AddSeconds(offset)).ToUnixTimeMilliseconds(),
        TimestampKind = TimestampKind.CreateTime,
        Payload = Encoding.UTF8.GetBytes("{}"),
        PayloadFormat = PayloadFormat.Json,
        MessageId = $"{topic}-{partition}-{offset}",
        MessageType = type,
        Kind = MessageKind.Event,
        CorrelationId = correlation ?? $"c{offset}",
        Source = "test-service",
    };

    public static List<EventEnvelope> Events(long from, long count, string topic = "orders", int partition = 0) =>
        [.. Enumerable.Range(0, (int)count).Select(i => Event(from + i, topic: topic, partition: partition))];

    /// <summary>Writes to the index (what ingestion commits); returns the batch as the observers get it.</summary>
    public List<EventEnvelope> Commit(List<EventEnvelope> batch)
    {
        Index.Write(batch);
        return batch;
    }

    public LiteDbConversationSnapshotStore Store(ILogger<LiteDbConversationSnapshotStore>? log = null) =>
        Own(new LiteDbConversationSnapshotStore(SnapshotPath, log ?? NullLogger<LiteDbConversationSnapshotStore>.Instance, Time));

    public ConversationMonitor Monitor(IConversationTracker tracker, IConversationSnapshotStore store, MonitoringOptions? options = null, ILogger<ConversationMonitor>? log = null, int maxHeld = 100_000) =>
        Own(new ConversationMonitor(tracker, store, Indexes, options ?? new MonitoringOptions(), Time, log ?? NullLogger<ConversationMonitor>.Instance) { MaxHeldEvents = maxHeld });

    /// <summary>Another cluster's index takes the place of the current one (archives it), as ingestion does.</summary>
    public void SwitchCluster(string clusterId) => Index = Indexes.OpenForCluster(clusterId);

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        Indexes.Dispose();
        _directory.Dispose();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
