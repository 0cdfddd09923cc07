using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;
using EventObserver.Storage.Index;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Tests.Api;

/// <summary>/healthz, /api/stats and /api/gaps tell the truth about stalled ingestion and retention gaps (issue 19).</summary>
public sealed class IngestionHealthApiTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly SeededAppFactory _seeded = new();
    private readonly WebApplicationFactory<Program> _factory;

    public IngestionHealthApiTests() =>
        _factory = _seeded.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_time)));

    private IngestionStatus Ingestion => _factory.Services.GetRequiredService<IngestionStatus>();

    public void Dispose()
    {
        _factory.Dispose();
        _seeded.Dispose();
    }

    [Fact]
    public async Task Healthz_BrokerHasDataAndNothingIndexedForStallAfter_AnswersDegradedWithTheReason()
    {
        var client = _factory.CreateClient();
        Ingestion.BrokerState = BrokerState.Connected;
        Ingestion.SetLag(new Dictionary<string, long> { ["orders"] = 100_500 });
        Assert.Equal("Healthy", (await client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("status").GetString());

        _time.Advance(TimeSpan.FromSeconds(31));
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        const string Stalled = "ingestion stalled: broker has 100,500 messages beyond the index and nothing was indexed for 31 s";
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("brokerReachable").GetBoolean());
        Assert.Equal([Stalled], health.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(Stalled, health.GetProperty("reason").GetString());
        Assert.Equal(100_500, health.GetProperty("behindBy").GetInt64());
    }

    [Fact]
    public async Task Healthz_BrokerUnreachable_NamesItAsTheReason()
    {
        var client = _factory.CreateClient();
        Ingestion.BrokerState = BrokerState.Unreachable;
        Ingestion.LastError = "Connect to kafka-1:9092 failed";

        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Equal("broker unreachable: Connect to kafka-1:9092 failed", health.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Healthz_BeforeTheBrokerAnswers_SaysItIsConnecting()
    {
        var health = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Equal("connecting to the broker", health.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task StatsTopicsAndGaps_AfterRetentionGaps_CountAndListThem()
    {
        var client = _factory.CreateClient();
        var index = _factory.Services.GetRequiredService<EventIndexProvider>().OpenForCluster(SeededAppFactory.ClusterId);
        index.Write([], [new RetentionGap("orders", 0, 0, 14, Start)]);
        index.Write([], [new RetentionGap("payments", 3, 100, 104, Start.AddSeconds(1))]);

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/stats");
        var gaps = await client.GetFromJsonAsync<JsonElement[]>("/api/gaps");
        var payments = await client.GetFromJsonAsync<JsonElement[]>("/api/gaps?topic=payments&limit=5");
        var topics = await client.GetFromJsonAsync<JsonElement[]>("/api/topics");

        Assert.Equal(2, stats.GetProperty("retentionGaps").GetProperty("count").GetInt64());
        Assert.Equal(20, stats.GetProperty("retentionGaps").GetProperty("messagesLost").GetInt64());
        Assert.Equal(["payments", "orders"], gaps!.Select(g => g.GetProperty("topic").GetString()));
        var gap = Assert.Single(payments!);
        Assert.Equal((3, 100L, 104L, 5L), (gap.GetProperty("partition").GetInt32(), gap.GetProperty("firstOffset").GetInt64(),
            gap.GetProperty("lastOffset").GetInt64(), gap.GetProperty("count").GetInt64()));
        Assert.Equal(Start.AddSeconds(1), gap.GetProperty("detectedAt").GetDateTimeOffset());
        Assert.Equal(15, topics!.Single(t => t.GetProperty("name").GetString() == "orders").GetProperty("lostToRetention").GetInt64());
    }

    [Theory]
    [InlineData("/api/gaps?limit=0")]
    [InlineData("/api/gaps?limit=1001")]
    public async Task Gaps_LimitOutOfRange_Returns400(string url)
    {
        var response = await _factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
