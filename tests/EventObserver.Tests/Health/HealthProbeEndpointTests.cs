using System.Net;
using System.Text.Json;

using EventObserver.Kafka.Ingestion;
using EventObserver.Tests.Infrastructure;

namespace EventObserver.Tests.Health;

/// <summary><c>/healthz/live</c> and <c>/healthz/ready</c> over HTTP in the app, anonymous, with their JSON body.</summary>
public sealed class HealthProbeEndpointTests : IDisposable
{
    private readonly SeededAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Live_BrokerDownAndNoIndex_Returns200Healthy()
    {
        var client = _factory.CreateClient();
        _factory.Ingestion.BrokerState = BrokerState.Unreachable;

        var (status, body) = await GetAsync(client, "/healthz/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("process", body.GetProperty("checks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Ready_IndexOpenAndBrokerConnected_Returns200WithEachCheck()
    {
        var client = _factory.CreateClient();
        _factory.OpenIndex();
        _factory.Ingestion.BrokerState = BrokerState.Connected;

        var (status, body) = await GetAsync(client, "/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["broker", "index"], body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task Ready_WritesPausedByFullDisk_Returns503WithTheReason_WhileHealthzKeeps200()
    {
        var client = _factory.CreateClient();
        _factory.OpenIndex();
        _factory.Ingestion.BrokerState = BrokerState.Connected;
        _factory.Ingestion.WritePause = new IndexWritePause("disk full: 3 MB free on /data", DateTimeOffset.UtcNow, 1);

        var (status, body) = await GetAsync(client, "/healthz/ready");
        using var legacy = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var index = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "index");
        Assert.Equal("Unhealthy", index.GetProperty("status").GetString());
        Assert.Contains("disk full: 3 MB free on /data", index.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
    }

    [Fact]
    public async Task Ready_NoIndexYet_Returns503()
    {
        var client = _factory.CreateClient();
        _factory.Ingestion.BrokerState = BrokerState.Connected;

        var (status, _) = await GetAsync(client, "/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
