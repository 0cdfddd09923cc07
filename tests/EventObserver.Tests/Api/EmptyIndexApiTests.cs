using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Kafka.Ingestion;
using EventObserver.Tests.Infrastructure;

namespace EventObserver.Tests.Api;

/// <summary>Before ingestion has opened an index, and while the broker is down, the API answers instead of failing.</summary>
public sealed class EmptyIndexApiTests : IDisposable
{
    private readonly SeededAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/api/events")]
    [InlineData("/api/events?topic=orders&limit=5")]
    [InlineData("/api/topics")]
    public async Task List_NoIndexYet_ReturnsEmptyArray(string url)
    {
        var client = _factory.CreateClient();

        var items = await client.GetFromJsonAsync<JsonElement[]>(url);

        Assert.NotNull(items);
        Assert.Empty(items);
    }

    [Fact]
    public async Task Stats_NoIndexYet_ReturnsZeroes()
    {
        var client = _factory.CreateClient();

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/stats");

        Assert.Equal(0, stats.GetProperty("totalIndexed").GetInt64());
        Assert.Empty(stats.GetProperty("topics").EnumerateObject());
    }

    [Fact]
    public async Task GetEvent_NoIndexYet_Returns404()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/api/events/orders/0/0");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_BrokerUnreachable_Returns200Degraded()
    {
        var client = _factory.CreateClient();
        _factory.Ingestion.BrokerState = BrokerState.Unreachable;
        _factory.Ingestion.LastError = "Connect to localhost:9092 failed";
        _factory.Ingestion.IsEmbedded = false;

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.False(health.GetProperty("brokerReachable").GetBoolean());
        Assert.Equal("Unreachable", health.GetProperty("brokerState").GetString());
        Assert.Equal("Connect to localhost:9092 failed", health.GetProperty("lastError").GetString());
        Assert.Equal(0, health.GetProperty("indexedEvents").GetInt64());
        Assert.Equal(0, health.GetProperty("lag").GetInt64());
        Assert.Equal(0, health.GetProperty("indexSizeBytes").GetInt64());
        Assert.False(health.GetProperty("embedded").GetBoolean());
    }

    [Fact]
    public async Task Healthz_BrokerConnectedWithIndex_ReportsHealthyWithIndexFigures()
    {
        var client = _factory.CreateClient();
        _factory.Seed(Envelopes.Json("orders", 0, "OrderPlaced", Core.Envelopes.MessageKind.Event, "{}"));
        _factory.Ingestion.BrokerState = BrokerState.Connected;
        _factory.Ingestion.ClusterId = SeededAppFactory.ClusterId;
        _factory.Ingestion.SetLag(new Dictionary<string, long> { ["orders"] = 4, ["payments"] = 3 });

        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("brokerReachable").GetBoolean());
        Assert.Equal(7, health.GetProperty("lag").GetInt64());
        Assert.Equal(1, health.GetProperty("indexedEvents").GetInt64());
        Assert.True(health.GetProperty("indexSizeBytes").GetInt64() > 0);
        Assert.Equal(SeededAppFactory.ClusterId, health.GetProperty("clusterId").GetString());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("lastError").ValueKind);
    }
}
