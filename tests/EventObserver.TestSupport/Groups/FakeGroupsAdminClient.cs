using System.Collections.Concurrent;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using EventObserver.Kafka.Groups;

namespace EventObserver.TestSupport.Groups;

/// <summary>
/// An admin client that answers like a real cluster for listing, describing, committed offsets, list offsets
/// (earliest/latest) and altering offsets; every other member throws <see cref="NotSupportedException"/>. Holds
/// watermarks and committed offsets as arrays, so 500 groups × 1,000 partitions (<see cref="Large"/>) stay cheap.
/// Faults: <see cref="FailDescribe"/> (one group's description carries an error), <see cref="FailOffsets"/> (one group's
/// offsets fail), <see cref="Stall"/> (a group's offset request never answers), <see cref="Delay"/> (every call).
/// </summary>
public sealed class FakeGroupsAdminClient : IAdminClient, IListOffsetsClient
{
    private readonly ConcurrentDictionary<string, (long[] Low, long[] High)> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeGroup> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ErrorCode> _failDescribe = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ErrorCode> _failOffsets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _stalled = new(StringComparer.Ordinal);
    private int _offsetCallsRunning;
    private int _maxOffsetCallsRunning;
    private int _describeCalls;

    /// <summary>Added before every answer (a slow cluster).</summary>
    public TimeSpan Delay { get; set; }

    public int DescribeCalls => _describeCalls;

    /// <summary>Most ListConsumerGroupOffsets requests seen in flight at once.</summary>
    public int MaxConcurrentOffsetCalls => _maxOffsetCallsRunning;

    public Handle Handle => throw new NotSupportedException();

    public string Name => "fake-groups-admin";

    /// <summary><paramref name="groups"/> groups, each committed on every partition of topics of 100 partitions (<paramref name="partitions"/> in all), lag 10 each.</summary>
    public static FakeGroupsAdminClient Large(int groups, int partitions)
    {
        var fake = new FakeGroupsAdminClient();
        var topics = new List<(string Name, int Partitions)>();
        for (var left = partitions; left > 0; left -= 100)
        {
            var name = $"topic-{topics.Count:D3}";
            topics.Add((name, Math.Min(100, left)));
            fake.AddTopic(name, Math.Min(100, left), high: 1_000);
        }

        for (var g = 0; g < groups; g++)
        {
            var group = fake.AddGroup($"group-{g:D4}");
            foreach (var (name, count) in topics)
            {
                var offsets = new long[count];
                Array.Fill(offsets, 990);
                group.Committed[name] = offsets;
            }
        }

        return fake;
    }

    public FakeGroupsAdminClient AddTopic(string name, int partitions, long high, long low = 0)
    {
        var lows = new long[partitions];
        var highs = new long[partitions];
        Array.Fill(lows, low);
        Array.Fill(highs, high);
        _topics[name] = (lows, highs);
        return this;
    }

    public void SetWatermarks(string topic, int partition, long low, long high)
    {
        var (lows, highs) = _topics[topic];
        lows[partition] = low;
        highs[partition] = high;
    }

    public int PartitionsOf(string topic) => _topics[topic].High.Length;

    public FakeGroup AddGroup(string groupId) => _groups.GetOrAdd(groupId, id => new FakeGroup(id));

    public FakeGroup Group(string groupId) => _groups[groupId];

    public void FailDescribe(string groupId, ErrorCode code = ErrorCode.GroupAuthorizationFailed) => _failDescribe[groupId] = code;

    public void FailOffsets(string groupId, ErrorCode code = ErrorCode.GroupAuthorizationFailed) => _failOffsets[groupId] = code;

    /// <summary>The group's committed-offsets request never answers (a stalled coordinator); the caller's timeout must end it.</summary>
    public void Stall(string groupId) => _stalled[groupId] = true;

    public async Task<ListConsumerGroupsResult> ListConsumerGroupsAsync(ListConsumerGroupsOptions? options = null)
    {
        await Pause().ConfigureAwait(false);
        return new ListConsumerGroupsResult
        {
            Valid = _groups.Values
                .Select(g => new ConsumerGroupListing { GroupId = g.GroupId, State = g.State, IsSimpleConsumerGroup = g.IsSimple, Type = ConsumerGroupType.Classic })
                .ToList(),
        };
    }

    public async Task<DescribeConsumerGroupsResult> DescribeConsumerGroupsAsync(IEnumerable<string> groups, DescribeConsumerGroupsOptions? options = null)
    {
        Interlocked.Increment(ref _describeCalls);
        await Pause().ConfigureAwait(false);
        var descriptions = groups.Select(Describe).ToList();
        if (descriptions.Any(d => d.Error.IsError))
        {
            throw new DescribeConsumerGroupsException(new DescribeConsumerGroupsReport { ConsumerGroupDescriptions = descriptions });
        }

        return new DescribeConsumerGroupsResult { ConsumerGroupDescriptions = descriptions };
    }

    public async Task<List<ListConsumerGroupOffsetsResult>> ListConsumerGroupOffsetsAsync(
        IEnumerable<ConsumerGroupTopicPartitions> groupPartitions, ListConsumerGroupOffsetsOptions? options = null)
    {
        var request = groupPartitions.ToList();
        if (request.Count != 1)
        {
            throw new ArgumentException("Can only list offsets for one group at a time");
        }

        var running = Interlocked.Increment(ref _offsetCallsRunning);
        InterlockedMax(ref _maxOffsetCallsRunning, running);
        try
        {
            var groupId = request[0].Group;
            if (_stalled.ContainsKey(groupId))
            {
                await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
            }

            await Pause().ConfigureAwait(false);
            if (_failOffsets.TryGetValue(groupId, out var code))
            {
                throw new ListConsumerGroupOffsetsException(
                [
                    new ListConsumerGroupOffsetsReport { Group = groupId, Partitions = [], Error = new Error(code, $"offsets of {groupId}: {code}") },
                ]);
            }

            var group = _groups.GetValueOrDefault(groupId);
            var partitions = request[0].TopicPartitions is { } named
                ? named.Select(tp => Result(tp, group?.CommittedAt(tp.Topic, tp.Partition.Value))).ToList()
                : group?.AllCommitted().Select(c => Result(new TopicPartition(c.Topic, c.Partition), c.Offset)).ToList() ?? [];
            return [new ListConsumerGroupOffsetsResult { Group = groupId, Partitions = partitions }];
        }
        finally
        {
            Interlocked.Decrement(ref _offsetCallsRunning);
        }
    }

    public async Task<ListOffsetsResult> ListOffsetsAsync(IEnumerable<TopicPartitionOffsetSpec> specs, ListOffsetsOptions options)
    {
        await Pause().ConfigureAwait(false);
        var infos = new List<ListOffsetsResultInfo>();
        var failed = false;
        foreach (var spec in specs)
        {
            var tp = spec.TopicPartition;
            var known = _topics.TryGetValue(tp.Topic, out var marks) && tp.Partition.Value < marks.High.Length;
            failed |= !known;
            long offset = !known ? Offset.Unset.Value : spec.OffsetSpec is OffsetSpec.EarliestSpec ? marks.Low[tp.Partition.Value] : marks.High[tp.Partition.Value];
            infos.Add(new ListOffsetsResultInfo
            {
                TopicPartitionOffsetError = new TopicPartitionOffsetError(tp, new Offset(offset), new Error(known ? ErrorCode.NoError : ErrorCode.UnknownTopicOrPart)),
                Timestamp = -1,
            });
        }

        if (failed)
        {
            throw new ListOffsetsException(new ListOffsetsReport { ResultInfos = infos, Error = new Error(ErrorCode.NoError) });
        }

        return new ListOffsetsResult { ResultInfos = infos };
    }

    public async Task<List<AlterConsumerGroupOffsetsResult>> AlterConsumerGroupOffsetsAsync(
        IEnumerable<ConsumerGroupTopicPartitionOffsets> groupPartitions, AlterConsumerGroupOffsetsOptions? options = null)
    {
        await Pause().ConfigureAwait(false);
        var request = groupPartitions.Single();
        var group = AddGroup(request.Group);
        if (group.Members.Count > 0)
        {
            // A real coordinator refuses commits from outside the generation of a group with members.
            var refused = request.TopicPartitionOffsets
                .Select(o => new TopicPartitionOffsetError(o.TopicPartition, o.Offset, new Error(ErrorCode.UnknownMemberId, "the group has active members")))
                .ToList();
            throw new AlterConsumerGroupOffsetsException([new AlterConsumerGroupOffsetsReport { Group = request.Group, Partitions = refused, Error = new Error(ErrorCode.NoError) }]);
        }

        foreach (var o in request.TopicPartitionOffsets)
        {
            group.Commit(o.Topic, o.Partition.Value, o.Offset.Value, _topics.TryGetValue(o.Topic, out var m) ? m.High.Length : o.Partition.Value + 1);
        }

        return
        [
            new AlterConsumerGroupOffsetsResult
            {
                Group = request.Group,
                Partitions = request.TopicPartitionOffsets.Select(o => new TopicPartitionOffsetError(o.TopicPartition, o.Offset, new Error(ErrorCode.NoError))).ToList(),
            },
        ];
    }

    public void Dispose()
    {
    }

    public int AddBrokers(string brokers) => throw new NotSupportedException();

    public void SetSaslCredentials(string username, string password) => throw new NotSupportedException();

    public List<GroupInfo> ListGroups(TimeSpan timeout) => throw new NotSupportedException();

    public GroupInfo ListGroup(string group, TimeSpan timeout) => throw new NotSupportedException();

    public Metadata GetMetadata(string topic, TimeSpan timeout) => throw new NotSupportedException();

    public Metadata GetMetadata(TimeSpan timeout) => throw new NotSupportedException();

    public Task CreatePartitionsAsync(IEnumerable<PartitionsSpecification> partitionsSpecifications, CreatePartitionsOptions? options = null) => throw new NotSupportedException();

    public Task DeleteGroupsAsync(IList<string> groups, DeleteGroupsOptions? options = null) => throw new NotSupportedException();

    public Task DeleteTopicsAsync(IEnumerable<string> topics, DeleteTopicsOptions? options = null) => throw new NotSupportedException();

    public Task CreateTopicsAsync(IEnumerable<TopicSpecification> topics, CreateTopicsOptions? options = null) => throw new NotSupportedException();

    public Task AlterConfigsAsync(Dictionary<ConfigResource, List<ConfigEntry>> configs, AlterConfigsOptions? options = null) => throw new NotSupportedException();

    public Task<List<IncrementalAlterConfigsResult>> IncrementalAlterConfigsAsync(Dictionary<ConfigResource, List<ConfigEntry>> configs, IncrementalAlterConfigsOptions? options = null) =>
        throw new NotSupportedException();

    public Task<List<DescribeConfigsResult>> DescribeConfigsAsync(IEnumerable<ConfigResource> resources, DescribeConfigsOptions? options = null) => throw new NotSupportedException();

    public Task<List<DeleteRecordsResult>> DeleteRecordsAsync(IEnumerable<TopicPartitionOffset> topicPartitionOffsets, DeleteRecordsOptions? options = null) => throw new NotSupportedException();

    public Task CreateAclsAsync(IEnumerable<AclBinding> aclBindings, CreateAclsOptions? options = null) => throw new NotSupportedException();

    public Task<DescribeAclsResult> DescribeAclsAsync(AclBindingFilter aclBindingFilter, DescribeAclsOptions? options = null) => throw new NotSupportedException();

    public Task<List<DeleteAclsResult>> DeleteAclsAsync(IEnumerable<AclBindingFilter> aclBindingFilters, DeleteAclsOptions? options = null) => throw new NotSupportedException();

    public Task<DeleteConsumerGroupOffsetsResult> DeleteConsumerGroupOffsetsAsync(string group, IEnumerable<TopicPartition> partitions, DeleteConsumerGroupOffsetsOptions? options = null) =>
        throw new NotSupportedException();

    public Task<DescribeUserScramCredentialsResult> DescribeUserScramCredentialsAsync(IEnumerable<string> users, DescribeUserScramCredentialsOptions? options = null) =>
        throw new NotSupportedException();

    public Task AlterUserScramCredentialsAsync(IEnumerable<UserScramCredentialAlteration> alterations, AlterUserScramCredentialsOptions? options = null) =>
        throw new NotSupportedException();

    private static TopicPartitionOffsetError Result(TopicPartition tp, long? committed) =>
        new(tp, committed is { } offset ? new Offset(offset) : Offset.Unset, new Error(ErrorCode.NoError));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private Task Pause() => Delay > TimeSpan.Zero ? Task.Delay(Delay) : Task.CompletedTask;

    private ConsumerGroupDescription Describe(string groupId)
    {
        if (_failDescribe.TryGetValue(groupId, out var code))
        {
            return new ConsumerGroupDescription { GroupId = groupId, Error = new Error(code, $"describe {groupId}: {code}"), Members = [] };
        }

        if (!_groups.TryGetValue(groupId, out var group))
        {
            return new ConsumerGroupDescription { GroupId = groupId, Error = new Error(ErrorCode.NoError), State = ConsumerGroupState.Dead, Members = [] };
        }

        return new ConsumerGroupDescription
        {
            GroupId = groupId,
            Error = new Error(ErrorCode.NoError),
            State = group.State,
            IsSimpleConsumerGroup = group.IsSimple,
            PartitionAssignor = group.Members.Count > 0 ? group.Assignor : "",
            GroupType = ConsumerGroupType.Classic,
            Members = [.. group.Members],
        };
    }
}
