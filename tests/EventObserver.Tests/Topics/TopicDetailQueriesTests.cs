using EventObserver.Access;
using EventObserver.Access.Options;
using EventObserver.Access.Topics;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Features.Topics;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Ingestion;
using EventObserver.Shared;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;
using EventObserver.TestSupport.Groups;
using EventObserver.Tests.Infrastructure;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Tests.Topics;

/// <summary>The topic detail over a real LiteDB index, a fake cluster and a fake group view.</summary>
public sealed class TopicDetailQueriesTests : IDisposable
{
    private const string Orders = "shop.orders";
    private const string Denied = "hr.salaries";
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(At);
    private readonly EventIndexProvider _provider;
    private readonly FakeClusterInspector _cluster = new();
    private readonly SnapshotGroupView _groups = new();
    private readonly IngestionStatus _ingestion;
    private readonly TopicDetailQueries _queries;

    public TopicDetailQueriesTests()
    {
        _provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = _dir.File("detail.db") }), NullLogger<EventIndexProvider>.Instance, _time);
        _ingestion = new IngestionStatus(_time);
        _queries = new TopicDetailQueries(_cluster, new IndexReads(_provider, NullLogger<IndexReads>.Instance), _ingestion, _groups, _time);
    }

    [Fact]
    public async Task Get_IndexedTopic_ReportsIndexedRangeCountAndNextOffsetPerPartition()
    {
        var index = _provider.OpenForCluster("c1");
        index.Write([.. Range(Orders, 0, 5, 9), .. Range(Orders, 1, 0, 2)]);

        var detail = await _queries.GetAsync(Orders, UserAccess.System, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(8, detail.Indexed);
        Assert.Equal(
            [new TopicPartitionDto(0, null, null, null, null, null, 5, 9, 5, 10, 0), new TopicPartitionDto(1, null, null, null, null, null, 0, 2, 3, 3, 0)],
            detail.PartitionDetails);
        Assert.False(detail.ListedByCluster);
    }

    [Fact]
    public async Task Get_ClusterDescribesTheTopic_MergesLeaderReplicasAndWatermarksWithTheIndexedRange()
    {
        _provider.OpenForCluster("c1").Write(Range(Orders, 0, 0, 3));
        _cluster.Descriptions[Orders] = new ClusterTopicDescription(
            Orders, true, [new ClusterPartition(0, 2, [2, 1], [2], 0, 4), new ClusterPartition(1, null, null, null, null, null)], "Offsets not answered.");

        var detail = await _queries.GetAsync(Orders, UserAccess.System, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.True(detail.ListedByCluster);
        Assert.Equal("Offsets not answered.", detail.ClusterProblem);
        Assert.Equal(2, detail.Partitions);
        var first = detail.PartitionDetails[0];
        Assert.Equal((2, 0L, 4L, 0L, 3L), (first.Leader!.Value, first.LowWatermark!.Value, first.HighWatermark!.Value, first.OldestIndexed!.Value, first.NewestIndexed!.Value));
        Assert.Equal([2, 1], first.Replicas!);
        Assert.Equal(new TopicPartitionDto(1, null, null, null, null, null, null, null, 0, null, 0), detail.PartitionDetails[1]);
    }

    [Fact]
    public async Task Get_TopicOnlyInTheCluster_IsShownWithNothingIndexed()
    {
        _provider.OpenForCluster("c1");
        _cluster.Descriptions["fresh"] = new ClusterTopicDescription("fresh", true, [new ClusterPartition(0, 1, [1], [1], 0, 0)], null);

        var detail = await _queries.GetAsync("fresh", UserAccess.System, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(0, detail.Indexed);
        Assert.Null(detail.IndexProblem);
        Assert.Equal(0, detail.Producers.EventsRead);
        Assert.Null(Assert.Single(detail.PartitionDetails).OldestIndexed);
    }

    [Fact]
    public async Task Get_ProducersSeen_AreCountedBySourceWithLastSeen_OverTheHourBeforeTheLastEvent()
    {
        _provider.OpenForCluster("c1").Write(
        [
            Event(Orders, 0, 0, At.AddHours(-3), "ancient-service"),
            Event(Orders, 0, 1, At.AddMinutes(-30), "order-service"),
            Event(Orders, 0, 2, At.AddMinutes(-20), "billing"),
            Event(Orders, 0, 3, At.AddMinutes(-10), "order-service"),
            Event(Orders, 0, 4, At.AddMinutes(-5), null),
        ]);

        var detail = await _queries.GetAsync(Orders, UserAccess.System, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(
            [
                new TopicProducerDto("order-service", 2, At.AddMinutes(-10)),
                new TopicProducerDto(null, 1, At.AddMinutes(-5)),
                new TopicProducerDto("billing", 1, At.AddMinutes(-20)),
            ],
            detail.Producers.Sources);
        Assert.Equal(4, detail.Producers.EventsRead);
        Assert.False(detail.Producers.Capped);
    }

    [Fact]
    public async Task Get_ProducersAskedAgainSoon_AreReused_AndReadAfresh_AfterTheReuseTime()
    {
        var index = _provider.OpenForCluster("c1");
        index.Write([Event(Orders, 0, 0, At.AddMinutes(-2), "order-service")]);
        var first = await _queries.GetAsync(Orders, UserAccess.System, CancellationToken.None);
        index.Write([Event(Orders, 0, 1, At.AddMinutes(-1), "billing")]);

        var soon = await _queries.GetAsync(Orders, UserAccess.System, CancellationToken.None);
        _time.Advance(TopicDetailQueries.ProducersReusedFor);
        var later = await _queries.GetAsync(Orders, UserAccess.System, CancellationToken.None);

        Assert.Same(first!.Producers, soon!.Producers);
        Assert.Equal(2, soon.Indexed);
        Assert.Equal(["billing", "order-service"], later!.Producers.Sources.Select(p => p.Source));
    }

    [Fact]
    public async Task Get_RetentionGaps_AreListedAndCountedPerPartition()
    {
        var index = _provider.OpenForCluster("c1");
        index.Write(Range(Orders, 0, 0, 1));
        index.Write(Range(Orders, 0, 50, 51), [new RetentionGap(Orders, 0, 2, 49, At)]);

        var detail = await _queries.GetAsync(Orders, UserAccess.System, CancellationToken.None);

        Assert.NotNull(detail);
        var gap = Assert.Single(detail.Gaps);
        Assert.Equal((0, 2L, 49L, 48L), (gap.Partition, gap.FirstOffset, gap.LastOffset, gap.Count));
        Assert.Equal(48, detail.LostToRetention);
        Assert.Equal(48, Assert.Single(detail.PartitionDetails).LostToRetention);
    }

    [Fact]
    public async Task Get_GroupsConsumingTheTopic_AreListedWithTheirLagOnIt_MostLaggingFirst()
    {
        _provider.OpenForCluster("c1").Write(Range(Orders, 0, 0, 1));
        _groups.Current = new ConsumerGroupsSnapshot(At, TimeSpan.Zero,
        [
            SnapshotGroupView.Group("billing", (Orders, 3, 1.5), ("shop.payments", 100, 60)),
            SnapshotGroupView.Group("analytics", (Orders, 40, 90)),
            SnapshotGroupView.Group("shipping", ("shop.shipments", 7, null)),
        ], "known groups");

        var detail = await _queries.GetAsync(Orders, UserAccess.System, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(
            [new TopicGroupDto("analytics", "Stable", 1, 40, 90, null), new TopicGroupDto("billing", "Stable", 1, 3, 1.5, null)],
            detail.Groups);
        Assert.Equal("known groups", detail.GroupsSource);
    }

    [Fact]
    public async Task Get_UnknownTopic_IsNotFound()
    {
        _provider.OpenForCluster("c1").Write(Range(Orders, 0, 0, 1));

        var detail = await _queries.GetAsync("nope", UserAccess.System, CancellationToken.None);

        Assert.Null(detail);
    }

    [Fact]
    public async Task Get_TopicTheUserMayNotRead_IsNotFound_ThoughIndexedAndListed()
    {
        _provider.OpenForCluster("c1").Write([.. Range(Denied, 0, 0, 1), .. Range(Orders, 0, 0, 1)]);
        _cluster.Descriptions[Denied] = new ClusterTopicDescription(Denied, true, [new ClusterPartition(0, 1, [1], [1], 0, 2)], null);
        var shopViewer = ShopViewer();

        var denied = await _queries.GetAsync(Denied, shopViewer, CancellationToken.None);
        var readable = await _queries.GetAsync(Orders, shopViewer, CancellationToken.None);
        var asAdmin = await _queries.GetAsync(Denied, UserAccess.System, CancellationToken.None);

        Assert.Null(denied);
        Assert.NotNull(readable);
        Assert.NotNull(asAdmin);
    }

    [Fact]
    public async Task Get_RateFromIngestion_IsReported()
    {
        _provider.OpenForCluster("c1").Write(Range(Orders, 0, 0, 1));
        _ingestion.Rates.Record(Orders, 50);
        _time.Advance(TimeSpan.FromSeconds(1));

        var detail = await _queries.GetAsync(Orders, UserAccess.System, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(5, detail.EventsPerSec);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    private static UserAccess ShopViewer()
    {
        var rules = new TopicAccessRules([new TopicAccessRule { Group = "shop", Allow = [@"shop\..*"] }]);
        var topics = rules.For(new HashSet<string>([AccessRoles.Viewer], StringComparer.Ordinal), new HashSet<string>(["shop"], StringComparer.Ordinal));
        return new UserAccess("vera", isAuthenticated: true, [AccessRoles.Viewer], topics, seesRawValues: false);
    }

    private static EventEnvelope[] Range(string topic, int partition, long first, long last) =>
        [.. Enumerable.Range(0, (int)(last - first + 1)).Select(i => Event(topic, partition, first + i, At.AddSeconds(-100 + first + i), "test-service"))];

    private static EventEnvelope Event(string topic, int partition, long offset, DateTimeOffset at, string? source) => new()
    {
        Topic = topic,
        Partition = partition,
        Offset = offset,
        TimestampMs = at.ToUnixTimeMilliseconds(),
        Payload = "{}"u8.ToArray(),
        PayloadFormat = PayloadFormat.Json,
        MessageId = $"{topic}-{partition}-{offset}",
        MessageType = "Something",
        Kind = MessageKind.Event,
        Source = source,
    };
}
