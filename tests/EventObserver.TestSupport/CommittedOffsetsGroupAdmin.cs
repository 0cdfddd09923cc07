using Confluent.Kafka;

using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;

namespace EventObserver.TestSupport;

/// <summary>
/// The simplest <see cref="IConsumerGroupAdmin"/> that works on librdkafka's mock cluster: known group ids, their
/// committed offsets on known topics through a consumer's <c>Committed</c> (an OffsetFetch, which the mock answers; the
/// consumer never joins the group), watermarks through <c>QueryWatermarkOffsets</c>. No listing or describing (the mock
/// cannot), so members are not known. For tests of the monitor until the real known-groups admin is wired.
/// </summary>
public sealed class CommittedOffsetsGroupAdmin : IConsumerGroupAdmin, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly string _bootstrapServers;
    private readonly IReadOnlyList<string> _groupIds;
    private readonly IReadOnlyList<(string Topic, int Partitions)> _topics;
    private readonly Dictionary<string, IConsumer<byte[], byte[]>> _consumers = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public CommittedOffsetsGroupAdmin(string bootstrapServers, IReadOnlyList<string> groupIds, IReadOnlyList<(string Topic, int Partitions)> topics)
    {
        _bootstrapServers = bootstrapServers;
        _groupIds = groupIds;
        _topics = topics;
    }

    public GroupAdminCapabilities Capabilities { get; } = new(false, false, "test: committed offsets of known groups");

    public Task<IReadOnlyList<GroupListing>> ListGroupsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupListing>>([.. _groupIds.Select(id => new GroupListing(id, GroupState.Unknown, false))]);

    public Task<IReadOnlyList<GroupDescription>> DescribeGroupsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupDescription>>([.. groupIds.Select(id => new GroupDescription(id, GroupState.Unknown, null, null, [], false))]);

    public Task<IReadOnlyList<GroupCommittedOffsets>> GetCommittedOffsetsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken) =>
        Task.Run<IReadOnlyList<GroupCommittedOffsets>>(() => [.. groupIds.Select(Committed)], cancellationToken);

    public Task<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>> GetWatermarksAsync(
        IReadOnlyCollection<TopicPartitionKey> partitions, CancellationToken cancellationToken) =>
        Task.Run<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>>(() =>
        {
            var consumer = ConsumerFor(_groupIds.FirstOrDefault() ?? "watermarks");
            var result = new Dictionary<TopicPartitionKey, PartitionWatermarks>();
            lock (_sync)
            {
                foreach (var key in partitions)
                {
                    var marks = consumer.QueryWatermarkOffsets(new TopicPartition(key.Topic, key.Partition), Timeout);
                    result[key] = new PartitionWatermarks(marks.Low.Value, marks.High.Value);
                }
            }

            return result;
        }, cancellationToken);

    public Task AlterCommittedOffsetsAsync(string groupId, IReadOnlyDictionary<TopicPartitionKey, long> offsets, CancellationToken cancellationToken) =>
        throw new NotSupportedException("this test admin only reads");

    public void Dispose()
    {
        lock (_sync)
        {
            foreach (var consumer in _consumers.Values)
            {
                consumer.Dispose();
            }

            _consumers.Clear();
        }
    }

    private GroupCommittedOffsets Committed(string groupId)
    {
        try
        {
            var partitions = _topics.SelectMany(t => Enumerable.Range(0, t.Partitions).Select(p => new TopicPartition(t.Topic, p))).ToList();
            List<TopicPartitionOffset> committed;
            lock (_sync)
            {
                committed = ConsumerFor(groupId).Committed(partitions, Timeout);
            }

            return new GroupCommittedOffsets(groupId, committed
                .Where(c => c.Offset.Value >= 0)
                .ToDictionary(c => new TopicPartitionKey(c.Topic, c.Partition.Value), c => c.Offset.Value));
        }
        catch (KafkaException ex)
        {
            return new GroupCommittedOffsets(groupId, new Dictionary<TopicPartitionKey, long>(), ex.Error.Reason);
        }
    }

    private IConsumer<byte[], byte[]> ConsumerFor(string groupId)
    {
        lock (_sync)
        {
            if (!_consumers.TryGetValue(groupId, out var consumer))
            {
                consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
                {
                    BootstrapServers = _bootstrapServers,
                    GroupId = groupId,
                    EnableAutoCommit = false,
                }).Build();
                _consumers[groupId] = consumer;
            }

            return consumer;
        }
    }
}
