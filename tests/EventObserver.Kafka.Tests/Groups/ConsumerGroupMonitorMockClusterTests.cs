using Confluent.Kafka;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Groups;
using EventObserver.Kafka.Tests.Support;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Kafka.Tests.Groups;

/// <summary>
/// The monitor against librdkafka's mock cluster with a real consumer group that commits, through the mock path
/// (<see cref="CommittedOffsetsGroupAdmin"/>: committed offsets by OffsetFetch, watermarks; no listing or describing),
/// and a real LiteDB index filled with the same records.
/// </summary>
public sealed class ConsumerGroupMonitorMockClusterTests(MockClusterFixture kafka) : IClassFixture<MockClusterFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly TestIndexes _indexes = new();
    private readonly string _topic = kafka.CreateTopic("group-lag");
    private readonly string _group = "monitor-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly DateTimeOffset _firstTimestamp = DateTimeOffset.UtcNow.AddMinutes(-30);

    [Fact]
    public async Task Refresh_GroupPausedThenResumed_LagGrowsThenShrinksAndTimeLagIsTheAgeOfTheFirstUncommittedEvent()
    {
        var index = _indexes.Open("mock");
        var produced = Produce(0, 20);
        index.Write(produced);
        using var admin = new CommittedOffsetsGroupAdmin(kafka.BootstrapServers, [_group], [(_topic, 1)]);
        using var monitor = new ConsumerGroupMonitor(new GroupsOptions(), TimeProvider.System, new MemoryLagHistoryStore(),
            _indexes.Provider, NullLogger<ConsumerGroupMonitor>.Instance, admin);
        using var consumer = GroupConsumer();

        ConsumeAndCommit(consumer, 5);
        var first = await monitor.RefreshNowAsync(CancellationToken.None);

        // Paused: ten more records arrive (and are indexed) while the group consumes nothing.
        index.Write(Produce(20, 10));
        var paused = await monitor.RefreshNowAsync(CancellationToken.None);

        ConsumeAndCommit(consumer, 25);
        var resumed = await monitor.RefreshNowAsync(CancellationToken.None);

        var before = Partition(first);
        Assert.Equal((5L, 20L, 15L), (before.CommittedOffset!.Value, before.LogEndOffset!.Value, before.Lag!.Value));
        Assert.Equal(TimeLagStatus.Exact, before.TimeLag.Status);
        var firstUncommitted = DateTimeOffset.FromUnixTimeMilliseconds(produced[5].TimestampMs);
        Assert.Equal(firstUncommitted, before.TimeLag.FirstUncommittedAt);
        Assert.Equal(first.TakenAt - firstUncommitted, before.TimeLag.Value);
        Assert.Equal(before.TimeLag.Value, Assert.Single(first.Groups).MaxTimeLag);

        Assert.Equal(25, Partition(paused).Lag);
        Assert.True(Partition(paused).TimeLag.Value > before.TimeLag.Value);

        Assert.Equal(0, Partition(resumed).Lag);
        Assert.Equal(TimeLagStatus.CaughtUp, Partition(resumed).TimeLag.Status);
        Assert.Equal(0, Assert.Single(resumed.Groups).TotalLag);
    }

    [Fact]
    public async Task Refresh_CommittedBeyondTheIndex_TimeLagIsNotYetIndexed()
    {
        _indexes.Open("mock").Write(Produce(0, 10).Take(3).ToArray());
        using var admin = new CommittedOffsetsGroupAdmin(kafka.BootstrapServers, [_group], [(_topic, 1)]);
        using var monitor = new ConsumerGroupMonitor(new GroupsOptions(), TimeProvider.System, new MemoryLagHistoryStore(),
            _indexes.Provider, NullLogger<ConsumerGroupMonitor>.Instance, admin);
        using var consumer = GroupConsumer();

        ConsumeAndCommit(consumer, 6);
        var snapshot = await monitor.RefreshNowAsync(CancellationToken.None);

        Assert.Equal(4, Partition(snapshot).Lag);
        Assert.Equal(TimeLagStatus.NotYetIndexed, Partition(snapshot).TimeLag.Status);
    }

    public void Dispose() => _indexes.Dispose();

    private PartitionLag Partition(ConsumerGroupsSnapshot snapshot)
    {
        Assert.Null(snapshot.Error);
        var group = Assert.Single(snapshot.Groups);
        Assert.Null(group.Error);
        return Assert.Single(group.Partitions, p => p.Topic == _topic);
    }

    /// <summary>Records a minute apart (CreateTime), returned as the envelopes the index keeps.</summary>
    private EventEnvelope[] Produce(int start, int count)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers, LingerMs = 0 }).Build();
        var envelopes = new List<EventEnvelope>();
        for (var i = start; i < start + count; i++)
        {
            var at = _firstTimestamp.AddMinutes(i);
            var result = producer.ProduceAsync(_topic, new Message<byte[], byte[]>
            {
                Key = [(byte)i],
                Value = "{}"u8.ToArray(),
                Timestamp = new Timestamp(at.UtcDateTime),
            }).GetAwaiter().GetResult();
            envelopes.Add(new EventEnvelope
            {
                Topic = _topic,
                Partition = result.Partition.Value,
                Offset = result.Offset.Value,
                TimestampMs = result.Message.Timestamp.UnixTimestampMs,
                MessageId = $"m-{i}",
            });
        }

        return [.. envelopes];
    }

    private IConsumer<byte[], byte[]> GroupConsumer()
    {
        var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = _group,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Assign(new TopicPartitionOffset(_topic, 0, Offset.Beginning));
        return consumer;
    }

    private static void ConsumeAndCommit(IConsumer<byte[], byte[]> consumer, int count)
    {
        ConsumeResult<byte[], byte[]>? last = null;
        var deadline = DateTime.UtcNow + Wait;
        for (var consumed = 0; consumed < count && DateTime.UtcNow < deadline;)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
            {
                last = result;
                consumed++;
            }
        }

        Assert.NotNull(last);
        consumer.Commit([new TopicPartitionOffset(last.TopicPartition, last.Offset + 1)]);
    }
}
