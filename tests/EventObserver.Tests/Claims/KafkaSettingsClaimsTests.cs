using System.Text;

using EventObserver.Kafka.Connection;
using EventObserver.TestSupport;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Claims;

/// <summary>README claims about the <c>Kafka:*</c> and <c>Lineage:Mappings</c> settings, set as a user sets them.</summary>
[Collection(ClaimsClusterCollection.Name)]
public sealed class KafkaSettingsClaimsTests(ClaimsClusterFixture fixture)
{
    [Fact]
    public async Task StartFromLatest_TopicWithOlderMessages_IndexesOnlyWhatCameAfterTheStart()
    {
        await fixture.WaitUntilIngestedAsync(fixture.LatestTopic);
        fixture.Producer.Send(fixture.LatestTopic, "after", """{"n":99}""");

        var events = await Eventually.MatchAsync(
            () => fixture.EventsAsync(fixture.LatestTopic).GetAwaiter().GetResult(),
            e => e.Any(x => x.GetProperty("key").GetString() == "after"),
            "the message sent after the start");

        Assert.DoesNotContain(events, e => e.GetProperty("key").GetString()!.StartsWith("before-", StringComparison.Ordinal));
        Assert.All(events, e => Assert.True(e.GetProperty("offset").GetInt64() >= ClaimsClusterFixture.BeforeStartCount));
    }

    [Fact]
    public async Task MaxBatchSize_Burst_IsWrittenInBatchesOfAtMostThatSize()
    {
        await fixture.WaitUntilIngestedAsync(fixture.BatchTopic);
        var before = (await fixture.EventsAsync(fixture.BatchTopic)).Length;

        fixture.Producer.SendMany(fixture.BatchTopic, 200);
        await Eventually.MatchAsync(
            () => fixture.EventsAsync(fixture.BatchTopic).GetAwaiter().GetResult().Length,
            n => n >= before + 200,
            "the burst to be indexed");

        var sizes = fixture.Feed.BatchSizes(fixture.BatchTopic);
        Assert.All(sizes, size => Assert.InRange(size, 1, ClaimsClusterFixture.MaxBatchSize));
        Assert.Equal(ClaimsClusterFixture.MaxBatchSize, sizes.Max());
    }

    [Fact]
    public async Task MetadataRefreshMs_TopicCreatedWhileRunning_IsRefreshedAtThatIntervalAndIngested()
    {
        // Measured here: 1.5-2.6 s from creation to the first indexed message at 300 ms (the rest is the rebalance),
        // too close to what the 5 s default gives to tell them apart by time without flakiness; so the interval is
        // read from the consumer configuration the app builds, and the pick-up is checked as behaviour.
        var connection = fixture.Factory.Services.GetRequiredService<KafkaConnection>();
        var topic = fixture.Cluster.CreateTopic("claims-new");

        await fixture.WaitUntilIngestedAsync(topic);

        Assert.Equal(300, connection.CreateConsumerConfig().TopicMetadataRefreshIntervalMs);
    }

    [Fact]
    public void ClientKeyWithDots_FromAnEnvironmentVariable_ReachesEveryKafkaClient()
    {
        var connection = fixture.Factory.Services.GetRequiredService<KafkaConnection>();

        Assert.Equal(ClaimsClusterFixture.ClientId, connection.CreateConsumerConfig().ClientId);
        Assert.Equal(ClaimsClusterFixture.ClientId, connection.CreateProducerConfig("replay").ClientId);
        Assert.Equal(ClaimsClusterFixture.ClientId, connection.CreateAdminConfig("admin").ClientId);
    }

    [Fact]
    public async Task LineageMappings_FromAJsonFile_SetCorrelationAndTypeOfIngestedMessages()
    {
        await fixture.WaitUntilIngestedAsync(fixture.MappingTopic);

        fixture.Producer.Send(
            fixture.MappingTopic,
            Encoding.UTF8.GetBytes("inv-1"),
            Encoding.UTF8.GetBytes("""{"eventName":"InvoiceIssued","invoice":"inv-1"}"""),
            ("x-request-id", Encoding.UTF8.GetBytes("req-42")));
        var events = await Eventually.MatchAsync(
            () => fixture.EventsAsync(fixture.MappingTopic).GetAwaiter().GetResult(),
            e => e.Any(x => x.GetProperty("key").GetString() == "inv-1"),
            "the mapped message");

        var mapped = events.Single(e => e.GetProperty("key").GetString() == "inv-1");
        Assert.Equal("InvoiceIssued", mapped.GetProperty("type").GetString());
        Assert.Equal("req-42", mapped.GetProperty("correlationId").GetString());
    }
}
