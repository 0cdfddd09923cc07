using System.Net;
using System.Text.Json;

namespace EventObserver.Tests.Lineage;

public sealed class LineageApiTests(LineageShapesFixture fixture) : IClassFixture<LineageShapesFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task EventLineage_DefaultBoth_ReturnsTheChainWithSummaryFieldsAndLatencies()
    {
        var graph = await GetGraphAsync("/api/events/lin.payments.events/0/0/lineage");

        Assert.Equal("lin.payments.events/0/0", graph.GetProperty("rootId").GetString());
        Assert.False(graph.GetProperty("truncated").GetBoolean());
        var nodes = Nodes(graph);
        Assert.Equal(
            ["lin.orders.commands/0/0", "lin.orders.events/0/0", "lin.payments.commands/0/0", "lin.payments.events/0/0"],
            nodes.Keys.Order(StringComparer.Ordinal));
        var command = nodes["lin.orders.commands/0/0"];
        Assert.Equal("message", command.GetProperty("nodeKind").GetString());
        Assert.Equal("lin.orders.commands", command.GetProperty("topic").GetString());
        Assert.Equal(0, command.GetProperty("partition").GetInt32());
        Assert.Equal(0, command.GetProperty("offset").GetInt64());
        Assert.Equal(LineageMessages.BaseTime, command.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal("place-1", command.GetProperty("messageId").GetString());
        Assert.Equal("PlaceOrder", command.GetProperty("type").GetString());
        Assert.Equal("Command", command.GetProperty("kind").GetString());
        Assert.Equal(LineageShapesFixture.OrderCorrelation, command.GetProperty("correlationId").GetString());
        Assert.Equal(JsonValueKind.Null, command.GetProperty("causationId").ValueKind);
        Assert.Equal("/shop/lin.orders.commands", command.GetProperty("source").GetString());
        Assert.Equal("k-place-1", command.GetProperty("key").GetString());
        Assert.Equal(0, command.GetProperty("moreCount").GetInt32());
        Assert.Equal(
            [("lin.orders.commands/0/0", "lin.orders.events/0/0", "causation", 35L),
             ("lin.orders.events/0/0", "lin.payments.commands/0/0", "causation", 45L),
             ("lin.payments.commands/0/0", "lin.payments.events/0/0", "causation", 1200L)],
            Edges(graph).Select(e => (e.From, e.To, e.Kind, e.LatencyMs!.Value)).OrderBy(e => e.From, StringComparer.Ordinal));
    }

    [Fact]
    public async Task EventLineage_DownFromTheCommand_ReachesTheDeadLetterCopyByADeadLetterEdge()
    {
        var graph = await GetGraphAsync("/api/events/lin.orders.commands/0/0/lineage?direction=down");

        var nodes = Nodes(graph);
        Assert.Equal(5, nodes.Count);
        Assert.True(nodes["lin.payments.dlt/0/0"].GetProperty("deadLetter").GetBoolean());
        Assert.False(nodes["lin.payments.commands/0/0"].GetProperty("deadLetter").GetBoolean());
        var deadLetter = Assert.Single(Edges(graph), e => e.Kind == "deadLetter");
        Assert.Equal(("lin.payments.commands/0/0", "lin.payments.dlt/0/0"), (deadLetter.From, deadLetter.To));
    }

    [Fact]
    public async Task EventLineage_UpWithDepthOne_StopsAfterOneHop()
    {
        var graph = await GetGraphAsync("/api/events/lin.payments.events/0/0/lineage?direction=UP&depth=1");

        Assert.Equal(["lin.payments.commands/0/0", "lin.payments.events/0/0"], Nodes(graph).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Correlation_OrderConversation_HoldsEveryMessageRootedAtTheOldest()
    {
        var graph = await GetGraphAsync($"/api/correlations/{LineageShapesFixture.OrderCorrelation}");

        Assert.Equal("lin.orders.commands/0/0", graph.GetProperty("rootId").GetString());
        Assert.Equal(5, Nodes(graph).Count);
        Assert.Equal(3, Edges(graph).Count(e => e.Kind == "causation"));
        Assert.Single(Edges(graph), e => e.Kind == "deadLetter");
    }

    [Fact]
    public async Task EventLineage_Diamond_JoinAppearsOnceWithTwoIncomingEdges()
    {
        var graph = await GetGraphAsync("/api/events/dia.start/0/0/lineage?direction=down");

        Assert.Equal(4, Nodes(graph).Count);
        Assert.Equal(["dia.billing/0/0", "dia.shipping/0/0"], Edges(graph).Where(e => e.To == "dia.join/0/0").Select(e => e.From).Order(StringComparer.Ordinal));
        Assert.Equal(4, Edges(graph).Count);
    }

    [Fact]
    public async Task EventLineage_Cycle_EachNodeAndEdgeOnce()
    {
        var graph = await GetGraphAsync("/api/events/cyc.loop/0/1/lineage");

        Assert.Equal(["cyc.loop/0/0", "cyc.loop/0/1", "cyc.loop/0/2"], Nodes(graph).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, Edges(graph).Count);
    }

    [Fact]
    public async Task EventLineage_MissingParent_DanglesFromAnUnknownNode()
    {
        var graph = await GetGraphAsync("/api/events/orphans/0/0/lineage");

        var unknown = Assert.Single(Nodes(graph).Values, n => n.GetProperty("nodeKind").GetString() == "unknown");
        Assert.Equal("ghost-1", unknown.GetProperty("reference").GetString());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("topic").ValueKind);
        var edge = Assert.Single(Edges(graph));
        Assert.Equal((unknown.GetProperty("id").GetString(), "orphans/0/0", "causation", (long?)null), (edge.From, edge.To, edge.Kind, edge.LatencyMs));
    }

    [Fact]
    public async Task EventLineage_MissingParent_IsCountedAmongCausesNotFound()
    {
        var missing = await GetGraphAsync("/api/events/orphans/0/0/lineage");
        var complete = await GetGraphAsync("/api/events/lin.payments.events/0/0/lineage");

        Assert.Equal(1, missing.GetProperty("unresolvedCauseCount").GetInt32());
        Assert.Equal(["ghost-1"], missing.GetProperty("unresolvedCauses").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, complete.GetProperty("unresolvedCauseCount").GetInt32());
        Assert.Empty(complete.GetProperty("unresolvedCauses").EnumerateArray());
    }

    [Fact]
    public async Task EventLineage_FanOutBeyondMaxNodes_IsCutWithAMoreMarkerCountingTheRest()
    {
        var graph = await GetGraphAsync("/api/events/fan.root/0/0/lineage?direction=down&maxNodes=10");

        var nodes = Nodes(graph).Values.ToList();
        var messages = nodes.Count(n => n.GetProperty("nodeKind").GetString() == "message");
        var more = Assert.Single(nodes, n => n.GetProperty("nodeKind").GetString() == "more");
        Assert.Equal(10, messages);
        Assert.Equal(LineageShapesFixture.FanOut + 1, messages + more.GetProperty("moreCount").GetInt32());
        Assert.Equal(more.GetProperty("moreCount").GetInt32(), graph.GetProperty("moreCount").GetInt32());
        Assert.Contains(Edges(graph), e => e.From == "fan.root/0/0" && e.To == more.GetProperty("id").GetString());
    }

    [Fact]
    public async Task EventLineage_TenThousandDeepChain_WalksToTheNodeCapWithoutOverflow()
    {
        var last = LineageShapesFixture.DeepChain - 1;

        var graph = await GetGraphAsync($"/api/events/deep.chain/0/{last}/lineage?direction=up&depth=100000&maxNodes=5000");

        var nodes = Nodes(graph);
        Assert.Equal(5000, nodes.Values.Count(n => n.GetProperty("nodeKind").GetString() == "message"));
        Assert.True(graph.GetProperty("truncated").GetBoolean() || graph.GetProperty("moreCount").GetInt32() > 0);
        Assert.Contains($"deep.chain/0/{last - 4999}", nodes.Keys);
        Assert.DoesNotContain($"deep.chain/0/{last - 5000}", nodes.Keys);
    }

    [Fact]
    public async Task Correlation_BeyondMaxNodes_IsCutToTheOldestWithAMoreMarker()
    {
        var graph = await GetGraphAsync("/api/correlations/fan-corr?maxNodes=5");

        var nodes = Nodes(graph).Values.ToList();
        Assert.Equal(5, nodes.Count(n => n.GetProperty("nodeKind").GetString() == "message"));
        Assert.Equal(LineageShapesFixture.FanOut + 1 - 5, Assert.Single(nodes, n => n.GetProperty("nodeKind").GetString() == "more").GetProperty("moreCount").GetInt32());
    }

    [Theory]
    [InlineData("/api/events/lin.orders.commands/0/0/lineage?direction=sideways", "direction")]
    [InlineData("/api/events/lin.orders.commands/0/0/lineage?depth=-1", "depth")]
    [InlineData("/api/events/lin.orders.commands/0/0/lineage?maxNodes=5001", "maxNodes")]
    [InlineData("/api/events/lin.orders.commands/0/0/lineage?maxNodes=0", "maxNodes")]
    [InlineData("/api/correlations/fan-corr?maxNodes=lots", "maxNodes")]
    public async Task Lineage_BadParameter_Returns400ProblemNamingIt(string url, string parameter)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/api/events/lin.orders.commands/0/99/lineage")]
    [InlineData("/api/events/no.such.topic/0/0/lineage")]
    [InlineData("/api/correlations/no-such-conversation")]
    public async Task Lineage_Unknown_Returns404Problem(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    private async Task<JsonElement> GetGraphAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static Dictionary<string, JsonElement> Nodes(JsonElement graph) =>
        graph.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, StringComparer.Ordinal);

    private static List<(string From, string To, string Kind, long? LatencyMs)> Edges(JsonElement graph) =>
        [.. graph.GetProperty("edges").EnumerateArray().Select(e => (
            e.GetProperty("from").GetString()!,
            e.GetProperty("to").GetString()!,
            e.GetProperty("kind").GetString()!,
            e.GetProperty("latencyMs").ValueKind == JsonValueKind.Null ? (long?)null : e.GetProperty("latencyMs").GetInt64()))];
}
