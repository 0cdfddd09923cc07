using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;

namespace EventObserver.Kafka.Tests.Groups;

/// <summary>
/// An admin answering like a real cluster's (list, describe with members, committed offsets, watermarks), from
/// dictionaries the test sets; it can fail one group's description or a whole refresh, and counts its calls.
/// </summary>
internal sealed class FakeGroupAdmin : IConsumerGroupAdmin
{
    public Dictionary<string, Dictionary<TopicPartitionKey, long>> Committed { get; } = new(StringComparer.Ordinal);

    public Dictionary<TopicPartitionKey, long> LogEnds { get; } = [];

    public HashSet<string> FailingDescriptions { get; } = new(StringComparer.Ordinal);

    public string? ListFailure { get; set; }

    public int ListCalls { get; private set; }

    public List<int> WatermarkRequestSizes { get; } = [];

    public GroupAdminCapabilities Capabilities { get; } = new(true, true, "fake admin client");

    public Task<IReadOnlyList<GroupListing>> ListGroupsAsync(CancellationToken cancellationToken)
    {
        ListCalls++;
        if (ListFailure is not null)
        {
            throw new TimeoutException(ListFailure);
        }

        return Task.FromResult<IReadOnlyList<GroupListing>>([.. Committed.Keys.Select(id => new GroupListing(id, GroupState.Stable, false))]);
    }

    public Task<IReadOnlyList<GroupDescription>> DescribeGroupsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupDescription>>([.. groupIds.Select(id => FailingDescriptions.Contains(id)
            ? new GroupDescription(id, GroupState.Unknown, null, null, [], false, "describe: coordinator load in progress")
            : new GroupDescription(id, GroupState.Stable, "consumer", "range",
                [new GroupMember($"{id}-member", $"{id}-client", "/10.0.0.7", [.. Committed[id].Keys])], true))]);

    public Task<IReadOnlyList<GroupCommittedOffsets>> GetCommittedOffsetsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupCommittedOffsets>>([.. groupIds.Select(id => new GroupCommittedOffsets(id, new Dictionary<TopicPartitionKey, long>(Committed[id])))]);

    public Task<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>> GetWatermarksAsync(
        IReadOnlyCollection<TopicPartitionKey> partitions, CancellationToken cancellationToken)
    {
        WatermarkRequestSizes.Add(partitions.Count);
        var result = new Dictionary<TopicPartitionKey, PartitionWatermarks>(partitions.Count);
        foreach (var key in partitions)
        {
            if (LogEnds.TryGetValue(key, out var end))
            {
                result[key] = new PartitionWatermarks(0, end);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>>(result);
    }

    public Task AlterCommittedOffsetsAsync(string groupId, IReadOnlyDictionary<TopicPartitionKey, long> offsets, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
