using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Groups;
using EventObserver.Tests.Flows;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Topology;

/// <summary><c>GET /api/topology</c> over the real app: a producer, a topic and a lagging group (from a fake group view).</summary>
public sealed class TopologyApiTests : IDisposable
{
    private readonly FakeGroupView _groups = new();
    private readonly SeededAppFactory _factory;
    private readonly HttpClient _client;

    public TopologyApiTests()
    {
        _factory = new SeededAppFactory(builder => builder.ConfigureTestServices(s => s.AddSingleton<IConsumerGroupView>(_groups)));
        var traffic = new FlowTraffic(DateTimeOffset.UtcNow);
        for (var i = 0; i < 60; i++)
        {
            traffic.Add("ta.orders", $"o-{i}", "OrderPlaced", MessageKind.Event, "/shop/orders", TimeSpan.FromSeconds(i + 1), null);
        }

        traffic.Add("ta.orders.dlq", "d-1", "OrderPlaced", MessageKind.Event, "/shop/orders", TimeSpan.FromSeconds(3), null);
        // Near the window's start: the index covers (almost) the whole 15 minutes, so rates are over 890 s.
        traffic.Add("ta.audit", "a-1", "AuditWritten", MessageKind.Event, "/shop/audit", TimeSpan.FromSeconds(890), null);
        _factory.Seed(traffic.All);
        _groups.Current = new ConsumerGroupsSnapshot(DateTimeOffset.UtcNow, TimeSpan.Zero, [FakeGroupView.Group("analytics", ("ta.orders", 40, 25, 0.5))], "known groups");
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task Topology_DefaultWindow_GivesProducersTopicsGroupsAndLinksWithRates()
    {
        var map = await _client.GetFromJsonAsync<JsonElement>("/api/topology");

        Assert.Equal(("15m", 62L, "known groups"), (map.GetProperty("window").GetString(), map.GetProperty("eventsRead").GetInt64(), map.GetProperty("groupsSource").GetString()));
        var nodes = map.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Equal(("producer", "./?source=%2Fshop%2Forders"), (nodes["producer:/shop/orders"].GetProperty("kind").GetString(), nodes["producer:/shop/orders"].GetProperty("href").GetString()));
        Assert.Equal("topics/ta.orders", nodes["topic:ta.orders"].GetProperty("href").GetString());
        Assert.True(nodes["topic:ta.orders.dlq"].GetProperty("deadLetter").GetBoolean());
        var group = nodes["group:analytics"];
        Assert.Equal(("group", "lagging", 40L, "groups/analytics"), (group.GetProperty("kind").GetString(), group.GetProperty("lagLevel").GetString(), group.GetProperty("lag").GetInt64(), group.GetProperty("href").GetString()));
        var edges = map.GetProperty("edges").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal(("produces", 60.0 / 890), (edges["produces:/shop/orders>ta.orders"].GetProperty("kind").GetString(), edges["produces:/shop/orders>ta.orders"].GetProperty("perSecond").GetDouble()), new RoundedRate());
        Assert.Equal(("consumes", 0.5, 40L), (edges["consumes:ta.orders>analytics"].GetProperty("kind").GetString(), edges["consumes:ta.orders>analytics"].GetProperty("perSecond").GetDouble(), edges["consumes:ta.orders>analytics"].GetProperty("lag").GetInt64()));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0m")]
    [InlineData("30d")]
    public async Task Topology_BadWindow_IsAValidationProblemWithTheParsersMessage(string window)
    {
        var response = await _client.GetAsync($"/api/topology?window={window}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(window, problem.GetProperty("errors").GetProperty("window")[0].GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    /// <summary>Rates are rounded to 3 decimals in the answer.</summary>
    private sealed class RoundedRate : IEqualityComparer<(string?, double)>
    {
        public bool Equals((string?, double) x, (string?, double) y) => x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) < 0.001;

        public int GetHashCode((string?, double) obj) => obj.Item1?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
