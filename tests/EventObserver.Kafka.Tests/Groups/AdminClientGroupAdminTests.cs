using System.Diagnostics;
using Confluent.Kafka;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Groups;
using EventObserver.TestSupport.Groups;

namespace EventObserver.Kafka.Tests.Groups;

/// <summary><see cref="AdminClientGroupAdmin"/> (the real-cluster path) over <see cref="FakeGroupsAdminClient"/>, which answers like a cluster.</summary>
public sealed class AdminClientGroupAdminTests
{
    private readonly FakeGroupsAdminClient _fake = new FakeGroupsAdminClient().AddTopic("orders", 3, high: 100, low: 5).AddTopic("payments", 2, high: 40);

    [Fact]
    public async Task DescribeGroups_StableGroup_MapsStateAssignorProtocolAndMembers()
    {
        _fake.AddGroup("billing").WithMember("billing-1", "/10.0.0.7", new TopicPartition("orders", 1), new TopicPartition("orders", 0));
        var admin = Admin();

        var described = Assert.Single(await admin.DescribeGroupsAsync(["billing"], CancellationToken.None));

        Assert.Equal((GroupState.Stable, "range", "consumer", true, null), (described.State, described.Assignor, described.ProtocolType, described.MembersKnown, described.Error));
        var member = Assert.Single(described.Members);
        Assert.Equal(("billing-1", "/10.0.0.7"), (member.ClientId, member.Host));
        Assert.Equal([new TopicPartitionKey("orders", 0), new TopicPartitionKey("orders", 1)], member.Assignment);
    }

    [Fact]
    public async Task DescribeGroups_OneDescriptionFails_ThatGroupCarriesItsErrorAndTheOthersAreComplete()
    {
        _fake.AddGroup("a").WithMember("a-1", "/h", new TopicPartition("orders", 0));
        _fake.AddGroup("broken");
        _fake.AddGroup("c");
        _fake.FailDescribe("broken");
        var admin = Admin();

        var described = await admin.DescribeGroupsAsync(["a", "broken", "c"], CancellationToken.None);

        Assert.Equal(["a", "broken", "c"], described.Select(d => d.GroupId));
        Assert.Contains("GroupAuthorizationFailed", described[1].Error);
        Assert.False(described[1].MembersKnown);
        Assert.Equal((GroupState.Stable, 1, null), (described[0].State, described[0].Members.Count, described[0].Error));
        Assert.Equal((GroupState.Empty, true, null), (described[2].State, described[2].MembersKnown, described[2].Error));
    }

    [Fact]
    public async Task DescribeGroups_MoreThanOneBatch_AnswersEveryGroupInOrder()
    {
        var ids = Enumerable.Range(0, AdminClientGroupAdmin.DescribeBatchSize * 2 + 5).Select(i => $"g{i:D3}").ToArray();
        foreach (var id in ids)
        {
            _fake.AddGroup(id);
        }

        var described = await Admin().DescribeGroupsAsync(ids, CancellationToken.None);

        Assert.Equal(ids, described.Select(d => d.GroupId));
        Assert.Equal(3, _fake.DescribeCalls);
    }

    [Fact]
    public async Task ListGroups_SkipsTheObserversOwnGroup_AndAddsKnownGroups()
    {
        _fake.AddGroup("eventobserver");
        _fake.AddGroup("billing");
        var admin = new AdminClientGroupAdmin(_fake, new GroupsOptions { Known = ["audit"] }, ownGroupId: "eventobserver");

        var listed = await admin.ListGroupsAsync(CancellationToken.None);

        Assert.Equal(["audit", "billing"], listed.Select(g => g.GroupId));
        Assert.Equal(GroupState.Unknown, listed[0].State);
    }

    [Fact]
    public async Task CommittedOffsets_OneGroupFails_OthersAreUnaffected()
    {
        _fake.AddGroup("a").Commit("orders", 0, 42, 3).Commit("payments", 1, 7, 2);
        _fake.AddGroup("broken").Commit("orders", 0, 1, 3);
        _fake.AddGroup("c").Commit("orders", 2, 99, 3);
        _fake.FailOffsets("broken");

        var results = await Admin().GetCommittedOffsetsAsync(["a", "broken", "c"], CancellationToken.None);

        Assert.Equal(new Dictionary<TopicPartitionKey, long> { [new("orders", 0)] = 42, [new("payments", 1)] = 7 }, results[0].Offsets);
        Assert.Contains("GroupAuthorizationFailed", results[1].Error);
        Assert.Empty(results[1].Offsets);
        Assert.Equal(99, results[2].Offsets[new("orders", 2)]);
        Assert.Null(results[2].Error);
    }

    [Fact]
    public async Task CommittedOffsets_ManyGroups_RunConcurrentlyWithinTheBound()
    {
        var ids = Enumerable.Range(0, 60).Select(i => _fake.AddGroup($"g{i}").Commit("orders", 0, i, 3).GroupId).ToArray();
        _fake.Delay = TimeSpan.FromMilliseconds(20);

        var results = await Admin().GetCommittedOffsetsAsync(ids, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i), results.Select(r => r.Offsets[new("orders", 0)]));
        Assert.InRange(_fake.MaxConcurrentOffsetCalls, 2, AdminOffsetCalls.MaxConcurrentGroups);
    }

    [Fact]
    public async Task CommittedOffsets_StalledGroup_AnsweredWithinTheTimeoutWithItsError()
    {
        _fake.AddGroup("ok").Commit("orders", 0, 3, 3);
        _fake.AddGroup("stuck");
        _fake.Stall("stuck");
        var admin = new AdminClientGroupAdmin(_fake, new GroupsOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) }, null);
        var watch = Stopwatch.StartNew();

        var results = await admin.GetCommittedOffsetsAsync(["ok", "stuck"], CancellationToken.None);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(3, results[0].Offsets[new("orders", 0)]);
        Assert.Contains("did not answer within 0.3 s", results[1].Error);
    }

    [Fact]
    public async Task DescribeGroups_SlowCluster_EveryGroupGetsTheTimeoutError()
    {
        _fake.AddGroup("slow");
        _fake.Delay = TimeSpan.FromSeconds(30);
        var admin = new AdminClientGroupAdmin(_fake, new GroupsOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) }, null);

        var described = Assert.Single(await admin.DescribeGroupsAsync(["slow"], CancellationToken.None));

        Assert.Contains("did not answer", described.Error);
    }

    [Fact]
    public async Task Watermarks_KnownAndUnknownPartitions_KnownAnsweredUnknownLeftOut()
    {
        var marks = await Admin().GetWatermarksAsync([new("orders", 2), new("payments", 0), new("nope", 0)], CancellationToken.None);

        Assert.Equal(new PartitionWatermarks(5, 100), marks[new("orders", 2)]);
        Assert.Equal(new PartitionWatermarks(0, 40), marks[new("payments", 0)]);
        Assert.False(marks.ContainsKey(new("nope", 0)));
    }

    [Fact]
    public async Task AlterOffsets_EmptyGroupWritten_GroupWithMembersRefusedWithTheBrokersReason()
    {
        _fake.AddGroup("idle");
        _fake.AddGroup("busy").WithMember("busy-1", "/h", new TopicPartition("orders", 0));
        var admin = Admin();

        await admin.AlterCommittedOffsetsAsync("idle", new Dictionary<TopicPartitionKey, long> { [new("orders", 1)] = 50 }, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            admin.AlterCommittedOffsetsAsync("busy", new Dictionary<TopicPartitionKey, long> { [new("orders", 0)] = 1 }, CancellationToken.None));

        Assert.Equal(50, _fake.Group("idle").CommittedAt("orders", 1));
        Assert.Contains("active members", refused.Message);
        Assert.Null(_fake.Group("busy").CommittedAt("orders", 0));
    }

    private AdminClientGroupAdmin Admin() => new(_fake, new GroupsOptions(), ownGroupId: "eventobserver");
}
