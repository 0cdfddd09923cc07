using System.Net.Http.Json;
using System.Text.Json;

namespace EventObserver.Tests.Lineage;

/// <summary>Messages labelled by any single convention family give the same lineage graph, decoded by the real decoder.</summary>
public sealed class ConventionFamilyLineageTests : IClassFixture<ConventionFamiliesFixture>
{
    private static readonly string[] ExpectedNodes = ["ChargePayment:Command", "OrderPlaced:Event", "PlaceOrder:Command"];
    private static readonly string[] ExpectedEdges = ["OrderPlaced->ChargePayment:causation", "PlaceOrder->OrderPlaced:causation"];

    private readonly HttpClient _client;

    public ConventionFamilyLineageTests(ConventionFamiliesFixture seeded) => _client = seeded.Client;

    public static TheoryData<string> Families => [.. ConventionFamilies.Names];

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Correlation_OneConventionFamily_YieldsTheSameCommandEventCommandChain(string family)
    {
        var graph = await _client.GetFromJsonAsync<JsonElement>($"/api/correlations/{ConventionFamilies.Correlation(family)}");

        var (nodes, edges) = Shape(graph);
        Assert.Equal(ExpectedNodes, nodes);
        Assert.Equal(ExpectedEdges, edges);
        Assert.Equal($"conv.{family}.step0/0/0", graph.GetProperty("rootId").GetString());
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task EventLineage_FromTheLastStepOfOneFamily_WalksUpTheSameChain(string family)
    {
        var graph = await _client.GetFromJsonAsync<JsonElement>($"/api/events/conv.{family}.step2/0/0/lineage?direction=up");

        var (nodes, edges) = Shape(graph);
        Assert.Equal(ExpectedNodes, nodes);
        Assert.Equal(ExpectedEdges, edges);
    }

    /// <summary>Types and kinds of the nodes, and the edges by type: independent of ids, topics and positions.</summary>
    private static (string[] Nodes, string[] Edges) Shape(JsonElement graph)
    {
        var nodes = graph.GetProperty("nodes").EnumerateArray().ToList();
        var typeOf = nodes.ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("type").GetString() ?? n.GetProperty("nodeKind").GetString()!);
        return (
            [.. nodes.Select(n => $"{n.GetProperty("type").GetString()}:{n.GetProperty("kind").GetString()}").Order(StringComparer.Ordinal)],
            [.. graph.GetProperty("edges").EnumerateArray()
                .Select(e => $"{typeOf[e.GetProperty("from").GetString()!]}->{typeOf[e.GetProperty("to").GetString()!]}:{e.GetProperty("kind").GetString()}")
                .Order(StringComparer.Ordinal)]);
    }
}
