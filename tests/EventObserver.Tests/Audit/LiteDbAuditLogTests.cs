using System.Diagnostics;

using Confluent.Kafka;

using EventObserver.Access;
using EventObserver.Features.Audit;
using EventObserver.Kafka.Audit;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Storage.Audit;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Tests.Audit;

/// <summary>The audit log over a real LiteDB file in a temp folder; the Kafka copy against the mock cluster.</summary>
public sealed class LiteDbAuditLogTests(MockClusterFixture cluster) : IClassFixture<MockClusterFixture>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Now);
    private AuditStore? _store;

    private AuditStore Store => _store ??= AuditStore.Open(_directory.File(AuditStore.DefaultFileName));

    [Fact]
    public async Task Record_Started_StampsTheClocksTimeAndTheWriterAppendsToTheFile()
    {
        using var log = Log();
        await log.StartAsync(CancellationToken.None);

        log.Record(new AuditEntry { Action = AuditAction.ReplayRun, Actor = "olga", Target = "run-1", RemoteAddress = "10.0.0.7" });
        log.Record(new AuditEntry { Action = AuditAction.SignIn, Actor = "vera", At = Now.AddMinutes(-5) });
        await Eventually.TrueAsync(() => log.Written == 2, "both records written");
        await log.StopAsync(CancellationToken.None);

        var records = Store.Find(AuditFilter.All, 0, 10).Records;
        Assert.Equal(
            [("ReplayRun", "olga", Now, "run-1", "10.0.0.7"), ("SignIn", "vera", Now.AddMinutes(-5), null, null)],
            records.Select(r => (r.Action, r.Actor, r.At, r.Target, r.RemoteAddress)));
    }

    [Fact]
    public async Task Stop_RecordsStillQueued_AreWrittenBeforeItEnds()
    {
        using var log = Log();
        await log.StartAsync(CancellationToken.None);
        for (var i = 0; i < 1200; i++)
        {
            log.Record(new AuditEntry { Action = AuditAction.DryRun, Actor = "olga", Target = $"t{i}" });
        }

        await log.StopAsync(CancellationToken.None);

        Assert.Equal(1200, Store.Count());
        Assert.Equal(0, log.Dropped);
    }

    [Fact]
    public void Record_QueueFull_DropsAndCountsWithoutWaiting()
    {
        // Not started: nothing drains the queue.
        using var log = Log();
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < LiteDbAuditLog.QueueCapacity + 25; i++)
        {
            log.Record(new AuditEntry { Action = AuditAction.AccessDenied, Actor = "mallory" });
        }

        Assert.Equal(25, log.Dropped);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"recording took {watch.Elapsed}");
    }

    [Fact]
    public async Task Retention_EveryHour_DeletesRecordsOlderThanRetentionDays()
    {
        using var log = Log(new AuditOptions { RetentionDays = 30 });
        await log.StartAsync(CancellationToken.None);
        log.Record(new AuditEntry { Action = AuditAction.SignIn, Actor = "old", At = Now.AddDays(-30).AddMinutes(30) });
        log.Record(new AuditEntry { Action = AuditAction.SignIn, Actor = "recent", At = Now.AddDays(-29) });
        await Eventually.TrueAsync(() => log.Written == 2, "both records written");

        // The 'old' record passes 30 days at the next hourly run; 'recent' stays.
        await Eventually.TrueAsync(() => Store.Count() == 1, () => _time.Advance(TimeSpan.FromMinutes(10)), "the old record deleted");
        await log.StopAsync(CancellationToken.None);

        Assert.Equal("recent", Assert.Single(Store.Find(AuditFilter.All, 0, 10).Records).Actor);
        Assert.True(_time.GetUtcNow() >= Now.AddMinutes(30), "deleted before it was 30 days old");
    }

    [Fact]
    public async Task KafkaCopy_EveryRecord_IsProducedAsJsonToTheTopic()
    {
        var topic = cluster.CreateTopic("audit-log");
        using var log = Log(copy: Copy(topic, cluster.BootstrapServers));
        await log.StartAsync(CancellationToken.None);
        var entry = new AuditEntry
        {
            Action = AuditAction.Publish, Actor = "olga", Target = "replay.orders", Detail = "run r1; 12 events", RemoteAddress = "::1",
        };

        log.Record(entry);

        var copy = Assert.Single(Consume(topic, 1));
        Assert.Equal("olga", copy.Message.Key);
        Assert.Equal(entry with { At = Now }, AuditJson.Deserialize(copy.Message.Value));
        Assert.Contains("\"action\":\"Publish\"", System.Text.Encoding.UTF8.GetString(copy.Message.Value), StringComparison.Ordinal);
        await log.StopAsync(CancellationToken.None);
        Assert.Equal(1, Store.Count());
    }

    [Fact]
    public async Task KafkaCopy_BrokerUnreachable_TheLocalRecordIsStillWritten()
    {
        var copy = Copy("audit", "127.0.0.1:1");
        using var log = Log(copy: copy);
        await log.StartAsync(CancellationToken.None);

        log.Record(new AuditEntry { Action = AuditAction.SignInFailed, Actor = "mallory", Succeeded = false });

        await Eventually.TrueAsync(() => log.Written == 1, "the record written locally");
        await Eventually.TrueAsync(() => copy.Failed == 1, "the copy's failure reported");
        await log.StopAsync(CancellationToken.None);
        Assert.False(Assert.Single(Store.Find(AuditFilter.All, 0, 10).Records).Succeeded);
    }

    public void Dispose()
    {
        _store?.Dispose();
        _directory.Dispose();
    }

    private LiteDbAuditLog Log(AuditOptions? options = null, AuditTopicProducer? copy = null) =>
        new(Store, Options.Create(options ?? new AuditOptions()), copy, _time, NullLogger<LiteDbAuditLog>.Instance);

    private static AuditTopicProducer Copy(string topic, string bootstrapServers) =>
        new(topic, KafkaConnection.ForCluster(new KafkaOptions { BootstrapServers = bootstrapServers }, bootstrapServers),
            NullLogger<AuditTopicProducer>.Instance, deliveryTimeout: TimeSpan.FromMilliseconds(500));

    private List<ConsumeResult<string, byte[]>> Consume(string topic, int count) =>
        TestConsumer.ReadFromStart<string>(cluster.BootstrapServers, topic, count);
}
