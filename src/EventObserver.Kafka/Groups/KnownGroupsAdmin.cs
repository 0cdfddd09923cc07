using Confluent.Kafka;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Configuration;

namespace EventObserver.Kafka.Groups;

/// <summary>
/// Consumer groups known by name, for librdkafka's mock cluster (the embedded broker cannot list or describe groups:
/// listing aborts the process) and for clusters whose ACLs forbid listing: <see cref="GroupsOptions.Known"/> and the
/// groups this process runs (<see cref="LocalGroupMembers"/>). Membership is known only for the local groups; for the
/// others it is reported as unknown, never as "none". Committed offsets (OffsetFetch), watermarks (ListOffsets) and
/// altering offsets (OffsetCommit from the admin client) go through the admin calls the mock does answer.
/// </summary>
public sealed class KnownGroupsAdmin : IConsumerGroupAdmin, IDisposable
{
    private readonly IAdminClient _admin;
    private readonly GroupsOptions _options;
    private readonly LocalGroupMembers _local;
    private readonly Func<string, ConsumerConfig>? _memberConfig;
    private readonly string? _ownGroupId;
    private readonly bool _ownsAdmin;
    private readonly AdminOffsetCalls _calls;

    /// <param name="admin">The admin client; never asked to list or describe groups.</param>
    /// <param name="options">The known groups and the request timeout.</param>
    /// <param name="local">Groups running in this process, with their members.</param>
    /// <param name="ownGroupId">The observer's own group: left out (its checkpoints live in the index).</param>
    /// <param name="ownsAdmin">Dispose <paramref name="admin"/> with this.</param>
    /// <param name="memberConfig">
    /// The consumer configuration to join a group with when the broker refuses an admin commit for it (the mock cluster,
    /// for a group whose members all left); null: no such fallback.
    /// </param>
    public KnownGroupsAdmin(
        IAdminClient admin, GroupsOptions options, LocalGroupMembers local, string? ownGroupId, bool ownsAdmin = false, Func<string, ConsumerConfig>? memberConfig = null)
    {
        _memberConfig = memberConfig;
        _admin = admin;
        _options = options;
        _local = local;
        _ownGroupId = ownGroupId;
        _ownsAdmin = ownsAdmin;
        _calls = new AdminOffsetCalls(admin, options.RequestTimeout);
    }

    public GroupAdminCapabilities Capabilities { get; } = new(
        false,
        false,
        "known groups (EventObserver:Groups:Known and the groups this process runs): the broker is not asked to list or describe groups");

    public Task<IReadOnlyList<GroupListing>> ListGroupsAsync(CancellationToken cancellationToken)
    {
        var ids = _options.Known
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Union(_local.GroupIds, StringComparer.Ordinal)
            .Where(id => !string.Equals(id, _ownGroupId, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        IReadOnlyList<GroupListing> listings = ids.Select(id => new GroupListing(id, Describe(id).State, false)).ToArray();
        return Task.FromResult(listings);
    }

    public Task<IReadOnlyList<GroupDescription>> DescribeGroupsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken)
    {
        IReadOnlyList<GroupDescription> descriptions = groupIds.Select(Describe).ToArray();
        return Task.FromResult(descriptions);
    }

    /// <summary>
    /// The mock answers an OffsetFetch that names no partitions ("all committed") with nothing, so every partition of
    /// the cluster's metadata is named; partitions the group never committed on come back unset and are left out.
    /// </summary>
    public async Task<IReadOnlyList<GroupCommittedOffsets>> GetCommittedOffsetsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken)
    {
        IReadOnlyList<TopicPartition> partitions;
        try
        {
            partitions = await _calls.BoundAsync(Task.Run(AllPartitions, cancellationToken), "Reading cluster metadata", cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is KafkaException or TimeoutException)
        {
            return groupIds.Select(id => new GroupCommittedOffsets(id, new Dictionary<TopicPartitionKey, long>(), e.Message)).ToArray();
        }

        return await _calls.CommittedAsync(groupIds, _ => partitions, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>> GetWatermarksAsync(
        IReadOnlyCollection<TopicPartitionKey> partitions, CancellationToken cancellationToken) =>
        _calls.WatermarksAsync(partitions, cancellationToken);

    public async Task AlterCommittedOffsetsAsync(string groupId, IReadOnlyDictionary<TopicPartitionKey, long> offsets, CancellationToken cancellationToken)
    {
        try
        {
            await _calls.AlterAsync(groupId, offsets, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e) when (_memberConfig is not null && e.Message.Contains("Unknown member", StringComparison.OrdinalIgnoreCase))
        {
            // The mock cluster refuses an admin commit for a group that once had members: write as a member instead.
            await MemberOffsetCommit.CommitAsync(_memberConfig(groupId), offsets, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_ownsAdmin)
        {
            _admin.Dispose();
        }
    }

    private IReadOnlyList<TopicPartition> AllPartitions() =>
        _admin.GetMetadata(_calls.RequestTimeout).Topics
            .Where(t => !t.Error.IsError)
            .SelectMany(t => t.Partitions.Select(p => new TopicPartition(t.Topic, p.PartitionId)))
            .ToArray();

    private GroupDescription Describe(string groupId)
    {
        if (_local.TryGetMembers(groupId, out var members))
        {
            // The assignor is chosen by the coordinator, which cannot be asked here: left unknown.
            return new GroupDescription(
                groupId, members.Count > 0 ? GroupState.Stable : GroupState.Empty, "consumer", null, members, MembersKnown: true);
        }

        return new GroupDescription(groupId, GroupState.Unknown, null, null, [], MembersKnown: false);
    }
}
