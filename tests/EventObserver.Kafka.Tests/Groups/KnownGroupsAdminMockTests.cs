using Confluent.Kafka;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Groups;
using EventObserver.Kafka.Tests.Support;
using EventObserver.TestSupport;

namespace EventObserver.Kafka.Tests.Groups;

/// <summary>
/// <see cref="KnownGroupsAdmin"/> against librdkafka's mock cluster (the embedded broker's path): it answers OffsetFetch
/// (committed offsets of a named group, all partitions when none are named), ListOffsets earliest/latest and OffsetCommit
/// from the admin client. Listing and describing groups are never called here (the mock aborts the process).
/// </summary>
public sealed class KnownGroupsAdminMockTests : IClassFixture<MockClusterFixture>, IDisposable
{
    private readonly MockClusterFixture _fixture;
    private readonly IAdminClient _client;
    private readonly LocalGroupMembers _local = new();
    private readonly KnownGroupsAdmin _admin;
    private readonly string _topic;

    public KnownGroupsAdminMockTests(MockClusterFixture fixture)
    {
        _fixture = fixture;
        _topic = fixture.CreateTopic("groups", partitions: 3);
        _client = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.BootstrapServers }).SetLogHandler((_, _) => { }).Build();
        _admin = new KnownGroupsAdmin(_client, new GroupsOptions { Known = ["known-elsewhere"] }, _local, ownGroupId: "eventobserver");
        using var producer = new PartitionProducer(fixture.BootstrapServers);
        producer.Send(_topic, 0, 10, 50);
        producer.Send(_topic, 1, 7, 50);
        producer.Send(_topic, 2, 4, 50);
    }

    [Fact]
    public async Task CommittedOffsetsAndWatermarks_GroupCommitted_AreReadExactly()
    {
        var group = "committer-" + Guid.NewGuid().ToString("N")[..8];
        using (var consumer = NewConsumer(group))
        {
            consumer.Commit([new TopicPartitionOffset(_topic, 0, 6), new TopicPartitionOffset(_topic, 1, 7)]);
        }

        var committed = Assert.Single(await _admin.GetCommittedOffsetsAsync([group], CancellationToken.None));
        var marks = await _admin.GetWatermarksAsync([Key(0), Key(1), Key(2)], CancellationToken.None);

        Assert.Null(committed.Error);
        Assert.Equal(new Dictionary<TopicPartitionKey, long> { [Key(0)] = 6, [Key(1)] = 7 }, committed.Offsets);
        Assert.Equal(new PartitionWatermarks(0, 10), marks[Key(0)]);
        Assert.Equal(new PartitionWatermarks(0, 7), marks[Key(1)]);
        Assert.Equal(new PartitionWatermarks(0, 4), marks[Key(2)]);
    }

    [Fact]
    public async Task AdminClientGroupAdmin_MockCluster_RefusesToListInsteadOfAbortingTheProcess()
    {
        // Listing groups against the mock would end this test host (native double free): the guard must refuse first.
        using var admin = new AdminClientGroupAdmin(_client, new GroupsOptions(), ownGroupId: "eventobserver");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => admin.ListGroupsAsync(CancellationToken.None));

        Assert.Contains("Groups:Discovery=KnownGroups", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlterCommittedOffsets_EmptyGroup_NewConsumerOfTheGroupStartsThere()
    {
        var group = "altered-" + Guid.NewGuid().ToString("N")[..8];

        await _admin.AlterCommittedOffsetsAsync(group, new Dictionary<TopicPartitionKey, long> { [Key(0)] = 4 }, CancellationToken.None);

        var committed = Assert.Single(await _admin.GetCommittedOffsetsAsync([group], CancellationToken.None));
        Assert.Equal(4, committed.Offsets[Key(0)]);
        using var consumer = NewConsumer(group);
        consumer.Assign(new TopicPartition(_topic, 0));
        var first = await Eventually.MatchAsync(() => consumer.Consume(TimeSpan.FromMilliseconds(200)), r => r is not null, "the first message");
        Assert.Equal(4, first!.Offset.Value);
    }

    [Fact]
    public async Task AlterCommittedOffsets_GroupWhoseMembersLeft_IsWrittenByJoiningIt()
    {
        var group = "left-" + Guid.NewGuid().ToString("N")[..8];
        ConsumerConfig Member(string g) => new()
        {
            BootstrapServers = _fixture.BootstrapServers,
            GroupId = g,
            EnableAutoCommit = false,
            SessionTimeoutMs = 6000,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
        };
        using (var member = new ConsumerBuilder<byte[], byte[]>(Member(group)).SetLogHandler((_, _) => { }).Build())
        {
            member.Subscribe(_topic);
            await Eventually.TrueAsync(() => { member.Consume(TimeSpan.FromMilliseconds(200)); return member.Assignment.Count == 3; }, "the member to own the topic");
            member.Commit([new TopicPartitionOffset(_topic, 0, 2)]);
            member.Close();
        }

        using var admin = new KnownGroupsAdmin(_client, new GroupsOptions(), _local, ownGroupId: "eventobserver", memberConfig: Member);

        await admin.AlterCommittedOffsetsAsync(group, new Dictionary<TopicPartitionKey, long> { [Key(0)] = 7, [Key(1)] = 3 }, CancellationToken.None);

        var committed = Assert.Single(await admin.GetCommittedOffsetsAsync([group], CancellationToken.None));
        Assert.Equal(7, committed.Offsets[Key(0)]);
        Assert.Equal(3, committed.Offsets[Key(1)]);
    }

    [Fact]
    public async Task ListAndDescribe_LocalAndKnownGroups_MembershipOnlyWhereItIsKnown()
    {
        var member = new GroupMember("m-1", "shipping-1", "/127.0.0.1", [Key(0)]);
        _local.Set("shipping", member);
        _local.Set("billing", new GroupMember("m-2", "billing-1", "/127.0.0.1", []));
        _local.Remove("billing", "m-2");
        _local.Set("eventobserver", new GroupMember("m-3", "self", "/127.0.0.1", []));

        var listed = await _admin.ListGroupsAsync(CancellationToken.None);
        var described = await _admin.DescribeGroupsAsync(["shipping", "billing", "known-elsewhere"], CancellationToken.None);

        Assert.Equal(["billing", "known-elsewhere", "shipping"], listed.Select(g => g.GroupId));
        Assert.Equal((GroupState.Stable, true, 1), (described[0].State, described[0].MembersKnown, described[0].Members.Count));
        Assert.Equal((GroupState.Empty, true, 0), (described[1].State, described[1].MembersKnown, described[1].Members.Count));
        Assert.Equal((GroupState.Unknown, false), (described[2].State, described[2].MembersKnown));
    }

    [Fact]
    public async Task CommittedOffsets_GroupThatNeverCommitted_IsEmptyWithoutError()
    {
        var committed = Assert.Single(await _admin.GetCommittedOffsetsAsync(["never-" + Guid.NewGuid().ToString("N")], CancellationToken.None));

        Assert.Null(committed.Error);
        Assert.Empty(committed.Offsets);
    }

    public void Dispose()
    {
        _admin.Dispose();
        _client.Dispose();
    }

    private TopicPartitionKey Key(int partition) => new(_topic, partition);

    private IConsumer<byte[], byte[]> NewConsumer(string group) =>
        new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = _fixture.BootstrapServers,
            GroupId = group,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Latest,
        }).SetLogHandler((_, _) => { }).Build();
}
