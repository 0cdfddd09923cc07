using EventObserver.Core.Envelopes;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Groups;
using EventObserver.Kafka.Tests.Support;

namespace EventObserver.Kafka.Tests.Groups;

/// <summary><see cref="GroupOffsetReset"/> over a fake group admin and the real LiteDB index (time targets resolve through it).</summary>
public sealed class GroupOffsetResetTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TestIndexes _indexes = new();
    private readonly SingleGroupAdmin _admin = new();
    private readonly GroupsOptions _options = new() { AllowOffsetReset = true };
    private readonly GroupOffsetReset _reset;

    public GroupOffsetResetTests()
    {
        // orders/0 holds offsets 10..29 in the log and the index, one event a minute from T0; orders/1 offsets 0..9, indexed from 5.
        _admin.Marks[new("orders", 0)] = new PartitionWatermarks(10, 30);
        _admin.Marks[new("orders", 1)] = new PartitionWatermarks(0, 10);
        _admin.Committed[new("orders", 0)] = 12;
        _admin.Committed[new("orders", 1)] = 3;
        var index = _indexes.Open("cluster-a");
        index.Write([.. Enumerable.Range(10, 20).Select(o => Envelope(0, o, T0.AddMinutes(o - 10)))]);
        index.Write([.. Enumerable.Range(5, 5).Select(o => Envelope(1, o, T0.AddMinutes(o)))]);
        _reset = new GroupOffsetReset(_admin, _indexes.Provider, new Topics(("orders", 2)), _options);
    }

    [Fact]
    public async Task Apply_ToEarliest_WritesExactlyThePreviewsRows()
    {
        var request = new OffsetResetRequest("g", OffsetResetTarget.Earliest);

        var preview = await _reset.PreviewAsync(request, CancellationToken.None);
        var applied = await _reset.ApplyAsync(request, CancellationToken.None);

        Assert.Null(preview.Refusal);
        Assert.Equal(preview.Rows, applied.Rows);
        Assert.Equal([(10L, 12L, 20L), (0L, 3L, 10L)], preview.Rows.Select(r => (r.NewOffset, r.CurrentOffset!.Value, r.LagAfter)));
        Assert.Equal(30, preview.TotalLagAfter);
        var written = Assert.Single(_admin.Altered);
        Assert.Equal(preview.Rows.ToDictionary(r => new TopicPartitionKey(r.Topic, r.Partition), r => r.NewOffset), written);
    }

    [Fact]
    public async Task Preview_GroupWithMembers_IsRefusedAndApplyWritesNothing()
    {
        _admin.Description = _admin.Description with { State = GroupState.Stable, Members = [new GroupMember("m1", "billing-1", "/h", [])] };

        var applied = await _reset.ApplyAsync(new OffsetResetRequest("g", OffsetResetTarget.Latest), CancellationToken.None);

        Assert.Contains("1 active member(s) (billing-1)", applied.Refusal);
        Assert.Empty(applied.Rows);
        Assert.Empty(_admin.Altered);
    }

    [Fact]
    public async Task Preview_ResetsDisabled_IsRefusedNamingTheSetting()
    {
        _options.AllowOffsetReset = false;

        var applied = await _reset.ApplyAsync(new OffsetResetRequest("g", OffsetResetTarget.Latest), CancellationToken.None);

        Assert.Equal("offset reset is off: set EventObserver:Groups:AllowOffsetReset=true", applied.Refusal);
        Assert.False(_reset.Enabled);
        Assert.Empty(_admin.Altered);
    }

    [Fact]
    public async Task Preview_MembersUnknown_IsRefusedSayingTheBrokerCannotTell()
    {
        _admin.Description = _admin.Description with { State = GroupState.Unknown, MembersKnown = false };

        var preview = await _reset.PreviewAsync(new OffsetResetRequest("g", OffsetResetTarget.Earliest), CancellationToken.None);

        Assert.Contains("the broker cannot tell whether group 'g' has active members", preview.Refusal);
    }

    [Fact]
    public async Task Preview_Time_ResolvedThroughTheIndex()
    {
        // 5.5 minutes after T0: the first event at or after it on orders/0 is offset 16 (T0+6 min).
        var preview = await _reset.PreviewAsync(
            new OffsetResetRequest("g", OffsetResetTarget.Time, Topic: "orders", Partition: 0, Time: T0.AddMinutes(5.5)), CancellationToken.None);

        var row = Assert.Single(preview.Rows);
        Assert.Equal((16L, 14L, (string?)null), (row.NewOffset, row.LagAfter, row.Note));
    }

    [Fact]
    public async Task Preview_TimeOutsideTheIndexedRange_LogStartOrEndWithANote()
    {
        var before = await _reset.PreviewAsync(new OffsetResetRequest("g", OffsetResetTarget.Time, "orders", 1, Time: T0), CancellationToken.None);
        var after = await _reset.PreviewAsync(new OffsetResetRequest("g", OffsetResetTarget.Time, "orders", 0, Time: T0.AddHours(1)), CancellationToken.None);
        var exactStart = await _reset.PreviewAsync(new OffsetResetRequest("g", OffsetResetTarget.Time, "orders", 0, Time: T0.AddHours(-1)), CancellationToken.None);

        Assert.Equal(0, Assert.Single(before.Rows).NewOffset);
        Assert.Contains("before the oldest indexed event (offset 5)", before.Rows[0].Note);
        Assert.Equal(30, Assert.Single(after.Rows).NewOffset);
        Assert.Contains("log end", after.Rows[0].Note);
        Assert.Equal((10L, (string?)null), (Assert.Single(exactStart.Rows).NewOffset, exactStart.Rows[0].Note));
    }

    [Fact]
    public async Task Preview_ExplicitOffset_ClampedToTheRetainedRangeWithANote()
    {
        var low = await _reset.PreviewAsync(new OffsetResetRequest("g", OffsetResetTarget.Offset, "orders", 0, Offset: 3), CancellationToken.None);
        var high = await _reset.PreviewAsync(new OffsetResetRequest("g", OffsetResetTarget.Offset, "orders", 0, Offset: 500), CancellationToken.None);
        var inside = await _reset.PreviewAsync(new OffsetResetRequest("g", OffsetResetTarget.Offset, "orders", 0, Offset: 25), CancellationToken.None);

        Assert.Equal((10L, "offset 3 is before the log start: clamped to 10"), (low.Rows[0].NewOffset, low.Rows[0].Note));
        Assert.Equal((30L, "offset 500 is past the log end: clamped to 30"), (high.Rows[0].NewOffset, high.Rows[0].Note));
        Assert.Equal((25L, 5L, (string?)null), (inside.Rows[0].NewOffset, inside.Rows[0].LagAfter, inside.Rows[0].Note));
    }

    [Theory]
    [InlineData(OffsetResetTarget.Time, "orders", null, "a reset to a time needs the time")]
    [InlineData(OffsetResetTarget.Offset, "orders", null, "a reset to an offset needs the offset")]
    [InlineData(OffsetResetTarget.Latest, "nope", null, "unknown topic 'nope'")]
    [InlineData(OffsetResetTarget.Latest, "orders", 2, "topic 'orders' has no partition 2 (it has 2)")]
    public async Task Preview_IncompleteOrUnknownScope_IsRefused(OffsetResetTarget target, string topic, int? partition, string refusal)
    {
        var preview = await _reset.PreviewAsync(new OffsetResetRequest("g", target, topic, partition), CancellationToken.None);

        Assert.Equal(refusal, preview.Refusal);
    }

    [Fact]
    public async Task Preview_OneTopic_CoversEveryPartitionOfIt_EvenWhereTheGroupNeverCommitted()
    {
        _admin.Committed.Remove(new("orders", 1));

        var preview = await _reset.PreviewAsync(new OffsetResetRequest("g", OffsetResetTarget.Latest, "orders"), CancellationToken.None);

        Assert.Equal([(0, (long?)12, 30L), (1, null, 10L)], preview.Rows.Select(r => (r.Partition, r.CurrentOffset, r.NewOffset)));
        Assert.Equal(0, preview.TotalLagAfter);
    }

    public void Dispose() => _indexes.Dispose();

    private static EventEnvelope Envelope(int partition, long offset, DateTimeOffset at) => new()
    {
        Topic = "orders",
        Partition = partition,
        Offset = offset,
        TimestampMs = at.ToUnixTimeMilliseconds(),
        MessageId = $"orders-{partition}-{offset}",
    };

    private sealed class Topics(params (string Name, int Partitions)[] topics) : IClusterInspector
    {
        public IReadOnlyList<ClusterTopic> GetTopics() => [.. topics.Select(t => new ClusterTopic(t.Name, t.Partitions, 0))];
    }
}
