using System.Net;
using System.Text.Json;

using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

namespace EventObserver.Tests.Api;

public sealed class TopicsAndStatsApiTests(SeededIndexFixture fixture) : IClassFixture<SeededIndexFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Topics_MergesClusterMetadataWithIndexCounts()
    {
        var topics = (await GetAsync("/api/topics")).EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        Assert.Equal(
            [SeededIndexFixture.EmptyTopic, SeededIndexFixture.OddTopic, SeededIndexFixture.OrdersTopic, SeededIndexFixture.PaymentsTopic],
            topics.Keys);
        var orders = topics[SeededIndexFixture.OrdersTopic];
        Assert.Equal(3, orders.GetProperty("partitions").GetInt32());
        Assert.Equal(3, orders.GetProperty("indexed").GetInt64());
        Assert.Equal(Envelopes.BaseTime.AddSeconds(2), orders.GetProperty("lastEventAt").GetDateTimeOffset());
        var empty = topics[SeededIndexFixture.EmptyTopic];
        Assert.Equal(4, empty.GetProperty("partitions").GetInt32());
        Assert.Equal(0, empty.GetProperty("indexed").GetInt64());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("lastEventAt").ValueKind);
    }

    [Fact]
    public async Task Stats_CountsEveryTopicUnderItsExactName()
    {
        var stats = await GetAsync("/api/stats");

        Assert.Equal(SeededIndexFixture.SeededCount, stats.GetProperty("totalIndexed").GetInt64());
        var topics = stats.GetProperty("topics");
        Assert.Equal(3, topics.GetProperty(SeededIndexFixture.OrdersTopic).GetInt64());
        Assert.Equal(2, topics.GetProperty(SeededIndexFixture.PaymentsTopic).GetInt64());
        Assert.Equal(2, topics.GetProperty(SeededIndexFixture.OddTopic).GetInt64());
        Assert.True(stats.GetProperty("indexSizeBytes").GetInt64() > 0);
        Assert.Equal(SeededAppFactory.ClusterId, stats.GetProperty("clusterId").GetString());
        Assert.Equal(JsonValueKind.String, stats.GetProperty("brokerState").ValueKind);
        Assert.Equal(JsonValueKind.False, stats.GetProperty("embedded").ValueKind);
    }

    [Fact]
    public async Task Stats_AfterACollection_ReportsTheProcessGcPauseTimeSoFar()
    {
        // The app runs in this process: a forced collection pauses it, and the total only grows.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var pausedBefore = GC.GetTotalPauseDuration().TotalSeconds;

        var stats = await GetAsync("/api/stats");

        var reported = stats.GetProperty("gcPauseSeconds").GetDouble();
        Assert.True(pausedBefore > 0, "a blocking gen 2 collection pauses the process");
        Assert.InRange(reported, Math.Round(pausedBefore, 3) - 0.001, GC.GetTotalPauseDuration().TotalSeconds + 0.001);
    }

    [Fact]
    public async Task StatsAndTopics_RecordedIngestion_ShowItsRatesAndLag()
    {
        // The rate meter averages over 10 whole seconds and leaves out the running one: 30 events give 3/s once it ends.
        fixture.Factory.Ingestion.Rates.Record(SeededIndexFixture.OrdersTopic, 20);
        fixture.Factory.Ingestion.Rates.Record(SeededIndexFixture.PaymentsTopic, 10);
        fixture.Factory.Ingestion.SetLag(new Dictionary<string, long> { [SeededIndexFixture.OrdersTopic] = 4, [SeededIndexFixture.PaymentsTopic] = 3 });

        var stats = await Eventually.MatchAsync(() => GetAsync("/api/stats").GetAwaiter().GetResult(), s => s.GetProperty("eventsPerSec").GetDouble() >= 3.0, "the recorded seconds to end");
        var topics = (await GetAsync("/api/topics")).EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        Assert.Equal(3.0, stats.GetProperty("eventsPerSec").GetDouble());
        Assert.Equal(7, stats.GetProperty("lag").GetInt64());
        Assert.Equal(2.0, topics[SeededIndexFixture.OrdersTopic].GetProperty("eventsPerSec").GetDouble());
        Assert.Equal(1.0, topics[SeededIndexFixture.PaymentsTopic].GetProperty("eventsPerSec").GetDouble());
        Assert.Equal(0.0, topics[SeededIndexFixture.OddTopic].GetProperty("eventsPerSec").GetDouble());
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
