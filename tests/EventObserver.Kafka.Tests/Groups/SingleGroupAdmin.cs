using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;

namespace EventObserver.Kafka.Tests.Groups;

/// <summary>A consumer group admin held in memory: one group's description, committed offsets and watermarks; records what is altered.</summary>
internal sealed class SingleGroupAdmin : IConsumerGroupAdmin
{
    public GroupDescription Description { get; set; } = new("g", GroupState.Empty, "consumer", null, [], MembersKnown: true);

    public Dictionary<TopicPartitionKey, long> Committed { get; } = [];

    public Dictionary<TopicPartitionKey, PartitionWatermarks> Marks { get; } = [];

    public List<IReadOnlyDictionary<TopicPartitionKey, long>> Altered { get; } = [];

    public GroupAdminCapabilities Capabilities { get; } = new(false, false, "fake");

    public Task<IReadOnlyList<GroupListing>> ListGroupsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupListing>>([new GroupListing(Description.GroupId, Description.State, false)]);

    public Task<IReadOnlyList<GroupDescription>> DescribeGroupsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupDescription>>([.. groupIds.Select(id => Description with { GroupId = id })]);

    public Task<IReadOnlyList<GroupCommittedOffsets>> GetCommittedOffsetsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupCommittedOffsets>>([.. groupIds.Select(id => new GroupCommittedOffsets(id, new Dictionary<TopicPartitionKey, long>(Committed)))]);

    public Task<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>> GetWatermarksAsync(
        IReadOnlyCollection<TopicPartitionKey> partitions, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>>(
            partitions.Where(Marks.ContainsKey).ToDictionary(p => p, p => Marks[p]));

    public Task AlterCommittedOffsetsAsync(string groupId, IReadOnlyDictionary<TopicPartitionKey, long> offsets, CancellationToken cancellationToken)
    {
        Altered.Add(offsets);
        foreach (var (key, offset) in offsets)
        {
            Committed[key] = offset;
        }

        return Task.CompletedTask;
    }
}
