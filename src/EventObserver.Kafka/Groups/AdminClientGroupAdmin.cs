using Confluent.Kafka;
using Confluent.Kafka.Admin;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Configuration;

namespace EventObserver.Kafka.Groups;

/// <summary>
/// Consumer groups of a real cluster through Kafka's admin API: list, describe (in batches), committed offsets (one
/// group per request, <see cref="AdminOffsetCalls.MaxConcurrentGroups"/> at once), watermarks and altering offsets.
/// Every call is bounded by <see cref="GroupsOptions.RequestTimeout"/>. Never use it against librdkafka's mock cluster:
/// listing groups there aborts the process (see <see cref="KnownGroupsAdmin"/>).
/// </summary>
public sealed class AdminClientGroupAdmin : IConsumerGroupAdmin, IDisposable
{
    /// <summary>Groups per DescribeGroups request (the coordinator answers them together).</summary>
    public const int DescribeBatchSize = 100;

    private const int MaxConcurrentDescribes = 4;

    private readonly IAdminClient _admin;
    private readonly GroupsOptions _options;
    private readonly string? _ownGroupId;
    private readonly bool _ownsAdmin;
    private readonly AdminOffsetCalls _calls;
    private bool? _mockCluster;

    /// <param name="admin">The admin client (a fake in tests).</param>
    /// <param name="options">Timeouts and the groups always shown.</param>
    /// <param name="ownGroupId">The observer's own group (its checkpoints live in the index, not Kafka): left out of listings.</param>
    /// <param name="ownsAdmin">Dispose <paramref name="admin"/> with this.</param>
    public AdminClientGroupAdmin(IAdminClient admin, GroupsOptions options, string? ownGroupId, bool ownsAdmin = false)
    {
        _admin = admin;
        _options = options;
        _ownGroupId = ownGroupId;
        _ownsAdmin = ownsAdmin;
        _calls = new AdminOffsetCalls(admin, options.RequestTimeout);
    }

    public GroupAdminCapabilities Capabilities { get; } = new(true, true, "Kafka admin API (groups listed and described by the cluster)");

    /// <summary>Every group of the cluster plus <see cref="GroupsOptions.Known"/>, without the observer's own. Throws when the listing fails as a whole.</summary>
    public async Task<IReadOnlyList<GroupListing>> ListGroupsAsync(CancellationToken cancellationToken)
    {
        await EnsureNotMockClusterAsync(cancellationToken).ConfigureAwait(false);
        List<ConsumerGroupListing> valid;
        try
        {
            var result = await _calls.BoundAsync(
                _admin.ListConsumerGroupsAsync(new ListConsumerGroupsOptions { RequestTimeout = _options.RequestTimeout }),
                "Listing consumer groups",
                cancellationToken).ConfigureAwait(false);
            valid = result.Valid;
        }
        catch (ListConsumerGroupsException e) when (e.Results.Valid.Count > 0)
        {
            // Some brokers failed to answer: show the groups the others named.
            valid = e.Results.Valid;
        }

        var listed = new Dictionary<string, GroupListing>(StringComparer.Ordinal);
        foreach (var group in valid)
        {
            listed[group.GroupId] = new GroupListing(group.GroupId, GroupStates.From(group.State), group.IsSimpleConsumerGroup);
        }

        foreach (var known in _options.Known)
        {
            listed.TryAdd(known, new GroupListing(known, GroupState.Unknown, false));
        }

        if (_ownGroupId is not null)
        {
            listed.Remove(_ownGroupId);
        }

        return listed.Values.OrderBy(g => g.GroupId, StringComparer.Ordinal).ToArray();
    }

    public async Task<IReadOnlyList<GroupDescription>> DescribeGroupsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken)
    {
        var batches = groupIds.Chunk(DescribeBatchSize).ToArray();
        var described = new IReadOnlyList<GroupDescription>[batches.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches.Length),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentDescribes, CancellationToken = cancellationToken },
            async (i, ct) => described[i] = await DescribeBatchAsync(batches[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return described.SelectMany(d => d).ToArray();
    }

    public Task<IReadOnlyList<GroupCommittedOffsets>> GetCommittedOffsetsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken) =>
        _calls.CommittedAsync(groupIds, _ => null, cancellationToken);

    public Task<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>> GetWatermarksAsync(
        IReadOnlyCollection<TopicPartitionKey> partitions, CancellationToken cancellationToken) =>
        _calls.WatermarksAsync(partitions, cancellationToken);

    public Task AlterCommittedOffsetsAsync(string groupId, IReadOnlyDictionary<TopicPartitionKey, long> offsets, CancellationToken cancellationToken) =>
        _calls.AlterAsync(groupId, offsets, cancellationToken);

    public void Dispose()
    {
        if (_ownsAdmin)
        {
            _admin.Dispose();
        }
    }

    /// <summary>
    /// librdkafka's mock cluster (a cluster id starting with "mockCluster") aborts the whole process when asked to list
    /// groups, and a test or demo may point the app at one as if it were a real cluster: refuse before the call.
    /// </summary>
    private async Task EnsureNotMockClusterAsync(CancellationToken cancellationToken)
    {
        if (_mockCluster is null)
        {
            try
            {
                var cluster = await _calls.BoundAsync(
                    _admin.DescribeClusterAsync(new DescribeClusterOptions { RequestTimeout = _options.RequestTimeout }),
                    "Describing the cluster",
                    cancellationToken).ConfigureAwait(false);
                _mockCluster = cluster.ClusterId?.StartsWith("mockCluster", StringComparison.Ordinal) == true;
            }
            catch (KafkaException e) when (e.Error.Code is ErrorCode.UnsupportedVersion or ErrorCode.Local_UnsupportedFeature or ErrorCode.InvalidRequest)
            {
                // A broker older than DescribeCluster is a real broker.
                _mockCluster = false;
            }
            catch (Exception e) when (e is NotSupportedException or NotImplementedException)
            {
                // A test double that answers only the group calls (Confluent's extension throws for any other client).
                _mockCluster = false;
            }
        }

        if (_mockCluster == true)
        {
            throw new InvalidOperationException(
                "The cluster is librdkafka's mock cluster, which cannot list consumer groups (the call would abort the process): set EventObserver:Groups:Discovery=KnownGroups.");
        }
    }

    private async Task<IReadOnlyList<GroupDescription>> DescribeBatchAsync(string[] groupIds, CancellationToken cancellationToken)
    {
        List<ConsumerGroupDescription> descriptions;
        try
        {
            var result = await _calls.BoundAsync(
                _admin.DescribeConsumerGroupsAsync(groupIds, new DescribeConsumerGroupsOptions { RequestTimeout = _options.RequestTimeout }),
                "Describing consumer groups",
                cancellationToken).ConfigureAwait(false);
            descriptions = result.ConsumerGroupDescriptions;
        }
        catch (DescribeConsumerGroupsException e)
        {
            // Carries every group of the request: the failed ones with their error, the others complete.
            descriptions = e.Results.ConsumerGroupDescriptions;
        }
        catch (Exception e) when (e is KafkaException or TimeoutException)
        {
            return groupIds.Select(id => Failed(id, e.Message)).ToArray();
        }

        var byId = new Dictionary<string, ConsumerGroupDescription>(StringComparer.Ordinal);
        foreach (var description in descriptions)
        {
            byId[description.GroupId] = description;
        }

        return groupIds
            .Select(id => byId.TryGetValue(id, out var d) ? Map(d) : Failed(id, "the broker did not describe this group"))
            .ToArray();
    }

    private static GroupDescription Map(ConsumerGroupDescription d)
    {
        if (d.Error is { IsError: true } error)
        {
            return Failed(d.GroupId, $"{error.Code}: {error.Reason}");
        }

        var members = (d.Members ?? [])
            .Select(m => new GroupMember(
                m.ConsumerId ?? "",
                m.ClientId ?? "",
                m.Host ?? "",
                (m.Assignment?.TopicPartitions ?? [])
                    .Select(tp => new TopicPartitionKey(tp.Topic, tp.Partition.Value))
                    .OrderBy(tp => tp.Topic, StringComparer.Ordinal).ThenBy(tp => tp.Partition)
                    .ToArray()))
            .OrderBy(m => m.ClientId, StringComparer.Ordinal).ThenBy(m => m.MemberId, StringComparer.Ordinal)
            .ToArray();
        return new GroupDescription(
            d.GroupId,
            GroupStates.From(d.State),
            ProtocolType(d),
            string.IsNullOrEmpty(d.PartitionAssignor) ? null : d.PartitionAssignor,
            members,
            MembersKnown: true);
    }

    // The admin API does not return the protocol type; what it tells is whether the group uses group management
    // ("consumer", classic or KIP-848) or only commits offsets (a simple group, empty protocol type in Kafka's tools).
    private static string? ProtocolType(ConsumerGroupDescription d) => d switch
    {
        { IsSimpleConsumerGroup: true } => null,
        { GroupType: ConsumerGroupType.Consumer } => "consumer (KIP-848)",
        _ => "consumer",
    };

    private static GroupDescription Failed(string groupId, string error) =>
        new(groupId, GroupState.Unknown, null, null, [], MembersKnown: false, error);
}
