using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Tests.Infrastructure;

namespace EventObserver.Tests.Api;

/// <summary>The acceptance path: no configuration, embedded broker, demo traffic, real ingestion into the index.</summary>
public sealed class EmbeddedDemoTests : IDisposable
{
    private const int DemoTopicsAtLeast = 6;

    private readonly DemoAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Start_NoConfiguration_ListsDemoTopicsAndIndexesAGrowingNumberOfEvents()
    {
        var client = _factory.CreateClient();

        // Waits (up to the acceptance bound) for the demo to appear; it asserts what appears, not how fast.
        var topics = await EventuallyAsync(
            () => client.GetFromJsonAsync<JsonElement[]>("/api/topics"),
            t => t!.Length >= DemoTopicsAtLeast && t.Count(x => x.GetProperty("indexed").GetInt64() > 0) >= DemoTopicsAtLeast);
        var first = (await client.GetFromJsonAsync<JsonElement>("/api/stats")).GetProperty("totalIndexed").GetInt64();
        var later = await EventuallyAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/stats"),
            s => s.GetProperty("totalIndexed").GetInt64() > first);
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        var newest = await client.GetFromJsonAsync<JsonElement[]>("/api/events?limit=5");

        Assert.All(topics!, t => Assert.True(t.GetProperty("partitions").GetInt32() > 0));
        Assert.True(later.GetProperty("embedded").GetBoolean());
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("embedded").GetBoolean());
        Assert.Equal(5, newest!.Length);
        Assert.Contains(newest, e => e.GetProperty("correlationId").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task DemoBurst_OnEmbeddedBroker_StartsThatManyOrders()
    {
        var client = _factory.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/demo")).GetProperty("ordersStarted").GetInt64();

        var response = await client.PostAsync("/api/demo/burst?orders=50", null);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var after = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ordersStarted").GetInt64();
        Assert.True(after - before >= 50, $"orders started went from {before} to {after}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task DemoBurst_OrdersOutOfRange_IsAProblemNamingTheParameter(int orders)
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync($"/api/demo/burst?orders={orders}", null);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("orders", out _));
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Not reached within 15 s; last value: {JsonSerializer.Serialize(value)}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }
}
