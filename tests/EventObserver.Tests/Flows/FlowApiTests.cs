using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Core.Envelopes;
using EventObserver.Storage.Projections;
using EventObserver.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Flows;

/// <summary>
/// <c>GET /api/flows</c> over crafted traffic: 4 orders placed 2 minutes ago (one dead-lettered charge), and one
/// order 10 minutes ago, so a 5-minute window leaves it out.
/// </summary>
public sealed class FlowApiTests : IDisposable
{
    private readonly SeededAppFactory _factory = new();
    private readonly HttpClient _client;

    public FlowApiTests()
    {
        var traffic = new FlowTraffic(DateTimeOffset.UtcNow);
        for (var i = 1; i <= 4; i++)
        {
            var ago = TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(i);
            var conversation = $"order-{i}";
            traffic.Add("fl.orders.commands", $"place-{i}", "PlaceOrder", MessageKind.Command, "/shop/storefront", ago, conversation);
            traffic.Add("fl.orders.events", $"placed-{i}", "OrderPlaced", MessageKind.Event, "/shop/orders", ago - TimeSpan.FromMilliseconds(10 * i), conversation, $"place-{i}");
            var charge = traffic.Add("fl.payments.commands", $"charge-{i}", "ChargePayment", MessageKind.Command, "/shop/payments", ago - TimeSpan.FromMilliseconds(100), conversation, $"placed-{i}");
            if (i == 4)
            {
                traffic.Add("fl.orders.dlt", $"charge-{i}", "ChargePayment", MessageKind.Command, "/shop/payments", ago - TimeSpan.FromMilliseconds(900), conversation, $"placed-{i}",
                    new DeadLetterOrigin(charge.Topic, charge.Partition, charge.Offset, "cannot deserialize"));
                continue;
            }

            traffic.Add("fl.payments.events", $"charged-{i}", "PaymentCharged", MessageKind.Event, "/shop/payments", ago - TimeSpan.FromMilliseconds(300), conversation, $"charge-{i}");
        }

        traffic.Add("fl.orders.commands", "place-old", "PlaceOrder", MessageKind.Command, "/shop/storefront", TimeSpan.FromMinutes(10), "order-old");
        traffic.Add("fl.orders.events", "placed-old", "OrderPlaced", MessageKind.Event, "/shop/orders", TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(500), "order-old", "place-old");
        _factory.Seed(traffic.All);
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task Flows_DefaultWindow_GivesTypesPoliciesCountsLatenciesAndExamples()
    {
        var map = await _client.GetFromJsonAsync<JsonElement>("/api/flows");

        Assert.Equal("15m", map.GetProperty("window").GetString());
        Assert.Equal(18, map.GetProperty("eventsRead").GetInt64());
        Assert.False(map.GetProperty("capped").GetBoolean());
        var nodes = map.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        var placeOrder = Single(nodes, "PlaceOrder", "command");
        Assert.Equal(5, placeOrder.GetProperty("count").GetInt64());
        Assert.Equal("source:/shop/storefront", placeOrder.GetProperty("lane").GetString());
        var policy = Single(nodes, "/shop/payments policy: whenever OrderPlaced then ChargePayment", "policy");
        Assert.Equal("OrderPlaced", policy.GetProperty("trigger").GetString());
        Assert.True(Single(nodes, "PaymentCharged", "event").GetProperty("unreacted").GetBoolean());
        var deadLetter = nodes.Values.Single(n => n.GetProperty("deadLetter").GetBoolean());
        Assert.True(deadLetter.GetProperty("failure").GetBoolean());
        Assert.Equal("topic:fl.orders.dlt", deadLetter.GetProperty("lane").GetString());

        var edges = map.GetProperty("edges").EnumerateArray().ToList();
        var placed = edges.Single(e => e.GetProperty("from").GetString() == placeOrder.GetProperty("id").GetString());
        Assert.Equal("flow", placed.GetProperty("kind").GetString());
        Assert.Equal(5, placed.GetProperty("count").GetInt64());
        Assert.Equal(30, placed.GetProperty("p50Ms").GetInt64()); // 10, 20, 30, 40 and 500 ms: nearest rank
        Assert.Equal(500, placed.GetProperty("p95Ms").GetInt64());
        var examples = placed.GetProperty("examples").EnumerateArray().Select(x => x.GetProperty("correlationId").GetString()).ToList();
        Assert.Equal(5, examples.Count);
        Assert.Contains("order-old", examples);
        var intoPolicy = edges.Single(e => e.GetProperty("kind").GetString() == "intoPolicy");
        Assert.Equal((4L, 70L), (intoPolicy.GetProperty("count").GetInt64(), intoPolicy.GetProperty("p50Ms").GetInt64()));
        Assert.Single(edges, e => e.GetProperty("kind").GetString() == "fromPolicy" && e.GetProperty("from").GetString() == policy.GetProperty("id").GetString());
        var parked = edges.Single(e => e.GetProperty("kind").GetString() == "deadLetter");
        Assert.Equal(800, parked.GetProperty("p95Ms").GetInt64());
        Assert.Equal(
            ["source:/shop/orders", "source:/shop/payments", "source:/shop/storefront", "topic:fl.orders.dlt"],
            map.GetProperty("lanes").EnumerateArray().Select(l => l.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Flows_FiveMinuteWindow_LeavesOlderTrafficOut()
    {
        var map = await _client.GetFromJsonAsync<JsonElement>("/api/flows?window=5m");

        Assert.Equal("5m", map.GetProperty("window").GetString());
        Assert.Equal(16, map.GetProperty("eventsRead").GetInt64());
        var placeOrder = map.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("label").GetString() == "PlaceOrder");
        Assert.Equal(4, placeOrder.GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0m")]
    [InlineData("15x")]
    [InlineData("30d")]
    public async Task Flows_BadWindow_IsAValidationProblemNamingTheParameter(string window)
    {
        var response = await _client.GetAsync($"/api/flows?window={window}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(window, problem.GetProperty("errors").GetProperty("window")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flows_SavedProjectionHandlingAnEvent_IsAReadModelNextToIt()
    {
        _factory.Services.GetRequiredService<ProjectionStore>().Save(
            "orders-by-customer", "({ OrderPlaced: (s, e) => { s.n = (s.n || 0) + 1; } })", null, DateTimeOffset.UtcNow);

        var map = await _client.GetFromJsonAsync<JsonElement>("/api/flows?window=1h");

        var projection = map.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "projection");
        Assert.Equal("orders-by-customer", projection.GetProperty("label").GetString());
        var edge = map.GetProperty("edges").EnumerateArray().Single(e => e.GetProperty("to").GetString() == projection.GetProperty("id").GetString());
        Assert.Equal("projection", edge.GetProperty("kind").GetString());
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static JsonElement Single(Dictionary<string, JsonElement> nodes, string label, string kind) =>
        nodes.Values.Single(n => n.GetProperty("label").GetString() == label && n.GetProperty("kind").GetString() == kind && !n.GetProperty("deadLetter").GetBoolean());
}
