using System.Net;
using System.Text.Json;

using EventObserver.Access;
using EventObserver.Features.Lineage;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport.Access;

using Microsoft.Extensions.DependencyInjection;

using static EventObserver.Tests.GraphAccess.GraphAccessFixture;

namespace EventObserver.Tests.GraphAccess;

/// <summary>
/// Lineage, correlation, flow map and conventions answers for a user who may not read one topic of a conversation:
/// the raw response bodies hold nothing of that topic, the graph keeps its shape with hidden nodes, visible messages
/// are masked for a user who does not see raw values, and the lineage search finds nothing held only there.
/// </summary>
public sealed class GraphAccessTests(GraphAccessFixture fixture) : IClassFixture<GraphAccessFixture>
{
    public static TheoryData<string> Graphs => new()
    {
        $"/api/events/{Commands}/0/0/lineage",
        $"/api/events/{Events}/0/0/lineage?direction=up",
        $"/api/correlations/{Conversation}",
    };

    public static TheoryData<string> Analyses => new() { "/api/flows", "/api/conventions", "/api/flows?window=24h", "/api/conventions?window=24h" };

    [Theory]
    [MemberData(nameof(Graphs))]
    public async Task Graph_RestrictedUser_HoldsNothingOfTheDeniedTopicButTheSameShape(string path)
    {
        var full = await fixture.GetAsync(path, restricted: false);
        var restricted = await fixture.GetAsync(path, restricted: true);

        // The unrestricted answer names the denied topic: the search below would find a leak.
        Assert.Contains(Denied, full, StringComparison.Ordinal);
        AssertNoDeniedValue(restricted);
        var (fullGraph, restrictedGraph) = (Parse(full), Parse(restricted));
        Assert.Equal(Nodes(fullGraph).Count, Nodes(restrictedGraph).Count);
        Assert.Equal(Edges(fullGraph).Count, Edges(restrictedGraph).Count);
        var hidden = Nodes(restrictedGraph).Where(n => n.GetProperty("hidden").GetBoolean()).ToList();
        // The denied topic's messages, and the unknown causes only they name (or a dead letter's original there).
        var deniedNodes = Nodes(fullGraph).Count(n => n.GetProperty("topic").GetString() == Denied
            || n.GetProperty("reference").GetString()?.Contains("vault", StringComparison.Ordinal) == true);
        Assert.Equal(deniedNodes, hidden.Count);
        Assert.All(hidden, AssertCarriesNothing);
        var ids = Nodes(restrictedGraph).Select(n => n.GetProperty("id").GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.All(Edges(restrictedGraph), e => Assert.True(ids.Contains(e.GetProperty("from").GetString()) && ids.Contains(e.GetProperty("to").GetString())));
    }

    [Fact]
    public async Task Correlation_RestrictedUser_WalksThroughTheHiddenMessageToItsVisibleEffects()
    {
        var graph = Parse(await fixture.GetAsync($"/api/correlations/{Conversation}", restricted: true));

        var nodes = Nodes(graph).ToDictionary(n => n.GetProperty("id").GetString()!, StringComparer.Ordinal);
        var hidden = nodes.Values.Single(n => n.GetProperty("hidden").GetBoolean() && Edges(graph).Any(e => e.GetProperty("to").GetString() == Id(n)
            && e.GetProperty("from").GetString() == $"{Commands}/0/0"));
        var effects = Edges(graph).Where(e => e.GetProperty("from").GetString() == Id(hidden)).ToList();
        Assert.Equal([$"{Events}/0/0", $"{Events}/0/1"], effects.Select(e => e.GetProperty("to").GetString()).Order(StringComparer.Ordinal));
        Assert.All(effects, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("latencyMs").ValueKind));
        // Their causation id would be the hidden message's own id: withheld, the edge says they have a cause.
        Assert.All(effects, e => Assert.Equal(JsonValueKind.Null, nodes[e.GetProperty("to").GetString()!].GetProperty("causationId").ValueKind));
        Assert.Equal("ga-confirmed-1", nodes[$"{Commands}/0/1"].GetProperty("causationId").GetString());
        Assert.StartsWith("hidden/", Id(hidden), StringComparison.Ordinal);
        // The hidden node's id is the same in every answer, so the graph merges and clients can join answers.
        var again = Parse(await fixture.GetAsync($"/api/events/{Events}/0/0/lineage?direction=up", restricted: true));
        Assert.Contains(Nodes(again), n => Id(n) == Id(hidden));
    }

    [Fact]
    public async Task EventLineage_MoreMarkerOnAHiddenAnchor_IsRenamedWithItsOpaqueId()
    {
        var body = await fixture.GetAsync($"/api/events/{Commands}/0/0/lineage?direction=down&maxNodes=3", restricted: true);

        AssertNoDeniedValue(body);
        var more = Assert.Single(Nodes(Parse(body)), n => n.GetProperty("nodeKind").GetString() == "more");
        Assert.StartsWith("more/hidden/", Id(more), StringComparison.Ordinal);
        Assert.Equal(1, more.GetProperty("moreCount").GetInt32());
    }

    [Fact]
    public async Task Graph_UserWithoutRawValues_SeesVisibleMessagesMasked()
    {
        var raw = Nodes(Parse(await fixture.GetAsync($"/api/correlations/{Conversation}", restricted: false)));
        var masked = Nodes(Parse(await fixture.GetAsync($"/api/correlations/{Conversation}", restricted: true)));

        Assert.Equal("k-ga-confirmed-1", Node(raw, $"{Masked}/0/0").GetProperty("key").GetString());
        Assert.Equal(KeyMasker.MaskedKey, Node(masked, $"{Masked}/0/0").GetProperty("key").GetString());
        Assert.Equal("k-ga-place-1", Node(masked, $"{Commands}/0/0").GetProperty("key").GetString());
    }

    [Theory]
    [InlineData($"/api/events/{Denied}/0/0/lineage", $"/api/events/{Commands}/0/77/lineage")]
    [InlineData($"/api/correlations/{DeniedOnlyConversation}", "/api/correlations/no-such-conversation")]
    public async Task Start_OnlyOnADeniedTopic_IsAnsweredLikeOneThatDoesNotExist(string denied, string missing)
    {
        using var asDenied = await SendAsync(denied, restricted: true);
        using var asMissing = await SendAsync(missing, restricted: true);
        using var unrestricted = await SendAsync(denied, restricted: false);

        Assert.Equal(HttpStatusCode.OK, unrestricted.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (asDenied.StatusCode, asMissing.StatusCode));
        var (deniedProblem, missingProblem) = (Parse(await asDenied.Content.ReadAsStringAsync()), Parse(await asMissing.Content.ReadAsStringAsync()));
        Assert.Equal(missingProblem.GetProperty("title").GetString(), deniedProblem.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Analyses))]
    public async Task Analysis_RestrictedUser_CountsOnlyPermittedTopics(string path)
    {
        // Unrestricted first: the restricted answer must not be the one reused from it.
        var full = await fixture.GetAsync(path, restricted: false);
        var restricted = await fixture.GetAsync(path, restricted: true);

        Assert.Contains("vault", full, StringComparison.Ordinal);
        AssertNoDeniedValue(restricted);
        var (fullRead, restrictedRead) = (Read(Parse(full)), Read(Parse(restricted)));
        Assert.Equal(Permitted, restrictedRead);
        Assert.True(fullRead > restrictedRead, $"{fullRead} read without restriction");
    }

    [Fact]
    public async Task Flows_RestrictedUser_TheHiddenCauseLeavesNoLinkButTheVisibleOnesStay()
    {
        var map = Parse(await fixture.GetAsync("/api/flows", restricted: true));

        var labels = map.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("label").GetString());
        var links = map.GetProperty("edges").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() is "flow" or "intoPolicy")
            .Select(e => labels[e.GetProperty("from").GetString()!])
            .ToList();
        Assert.Equal(["OrderConfirmed"], links);
    }

    [Theory]
    [InlineData(DeniedMessageId)]
    [InlineData(DeniedOnlyConversation)]
    [InlineData($"{Denied}/0/0")]
    public async Task Search_TermHeldOnlyOnADeniedTopic_FindsNothing(string term)
    {
        var lineage = fixture.Factory.Services.GetRequiredService<LineageQueries>();

        var unrestricted = await lineage.ResolveAsync(term, UserAccess.System, CancellationToken.None);
        var restricted = await lineage.ResolveAsync(term, Restricted, CancellationToken.None);

        Assert.NotNull(unrestricted.Value);
        Assert.True(restricted.Succeeded);
        Assert.Null(restricted.Value);
    }

    [Fact]
    public async Task Search_MessageIdAndConversationWithPermittedMessages_AreFound()
    {
        var lineage = fixture.Factory.Services.GetRequiredService<LineageQueries>();

        var message = await lineage.ResolveAsync("ga-ship-1", Restricted, CancellationToken.None);
        var conversation = await lineage.ResolveAsync(Conversation, Restricted, CancellationToken.None);

        Assert.Equal($"{Commands}/0/1", message.Value?.Event?.ToString());
        Assert.Equal(Conversation, conversation.Value?.CorrelationId);
    }

    [Fact]
    public async Task Suggestions_RestrictedUser_OnlyPermittedTopicsMasked()
    {
        var lineage = fixture.Factory.Services.GetRequiredService<LineageQueries>();

        var recent = (await lineage.RecentAsync(["LedgerEntryBooked", "OrderConfirmed", "PlaceOrder"], 3, Restricted, CancellationToken.None)).Value!;
        var unrestricted = (await lineage.RecentAsync(["LedgerEntryBooked"], 3, UserAccess.System, CancellationToken.None)).Value!;

        Assert.Single(unrestricted);
        Assert.Equal([("OrderConfirmed", KeyMasker.MaskedKey), ("PlaceOrder", "k-ga-place-1")], recent.Select(e => (e.MessageType, e.Key)));
    }

    [Fact]
    public async Task SvgExportScript_BuildsTheFileFromTheRenderedGraphAlone()
    {
        // The export clones the SVG the page rendered for this user: it must not ask the server for anything more.
        var script = await fixture.Client.GetStringAsync("/js/lineage-graph.js");

        Assert.Contains("export function exportSvg", script, StringComparison.Ordinal);
        foreach (var network in new[] { "fetch(", "XMLHttpRequest", "WebSocket", "sendBeacon", "EventSource", "import(" })
        {
            Assert.DoesNotContain(network, script, StringComparison.Ordinal);
        }
    }

    private static void AssertNoDeniedValue(string body)
    {
        foreach (var marker in DeniedMarkers)
        {
            Assert.DoesNotContain(marker, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(PayloadMarker, body, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertCarriesNothing(JsonElement node)
    {
        Assert.Equal("hidden", node.GetProperty("nodeKind").GetString());
        foreach (var field in new[] { "topic", "partition", "offset", "timestamp", "messageId", "type", "kind", "correlationId", "causationId", "source", "key", "traceId", "reference" })
        {
            Assert.Equal(JsonValueKind.Null, node.GetProperty(field).ValueKind);
        }

        Assert.Matches("^hidden/[0-9a-f]{24}$", Id(node));
    }

    private async Task<HttpResponseMessage> SendAsync(string path, bool restricted)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (restricted)
        {
            request.Headers.Add(HeaderCurrentUser.Header, "restricted");
        }

        return await fixture.Client.SendAsync(request);
    }

    private static long Read(JsonElement answer) =>
        answer.TryGetProperty("eventsRead", out var read) ? read.GetInt64() : answer.GetProperty("inWindow").GetInt64();

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static List<JsonElement> Nodes(JsonElement graph) => [.. graph.GetProperty("nodes").EnumerateArray()];

    private static List<JsonElement> Edges(JsonElement graph) => [.. graph.GetProperty("edges").EnumerateArray()];

    private static JsonElement Node(List<JsonElement> nodes, string id) => nodes.Single(n => Id(n) == id);

    private static string Id(JsonElement node) => node.GetProperty("id").GetString()!;
}
