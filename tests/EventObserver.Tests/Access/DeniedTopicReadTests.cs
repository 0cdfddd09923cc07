using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static EventObserver.Tests.Access.AccessAppFixture;

namespace EventObserver.Tests.Access;

/// <summary>
/// A viewer restricted to the shop topics reads every read path (REST, pages as prerendered HTML) and no response holds
/// a type, key, id, header or payload byte of the denied topic; an admin's same reads do (so the search can fail).
/// </summary>
[Collection(AccessAppCollection.Name)]
public sealed class DeniedTopicReadTests(AccessAppFixture app)
{
    public static TheoryData<string> ReadPaths =>
    [
        "/api/events",
        "/api/events?limit=1000",
        "/api/events?q=SECRET",
        "/api/events?correlationId=" + DeniedCorrelation,
        "/api/events?key=" + DeniedKey,
        "/api/events?messageId=" + DeniedMessageId + "-10",
        "/api/events?type=" + DeniedType,
        "/api/topics",
        "/api/topics/" + OrdersTopic,
        "/api/stats",
        "/api/gaps",
        "/api/replays",
        "/api/replays/publishes",
        "/api/topology?window=24h",
        "/api/processes?window=24h",
        "/",
        "/topics",
        "/topology?window=24h",
        "/conversations?window=24h",
        "/topics/" + OrdersTopic,
        "/replay",
    ];

    /// <summary>Paths whose admin answer holds the denied topic's data: the control for the search.</summary>
    public static TheoryData<string> AdminControlPaths => ["/api/events", "/api/topics", "/api/stats", "/api/gaps", "/topics", "/api/topology?window=24h"];

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public async Task RestrictedViewer_ReadPath_HoldsNothingOfTheDeniedTopic(string path)
    {
        // The replay page needs the Operator role: a restricted operator reads it.
        using var client = app.ClientFor(path == "/replay" ? Operator : Viewer);

        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Leaks.AssertNone(body, path);
    }

    [Theory]
    [MemberData(nameof(AdminControlPaths))]
    public async Task Admin_ReadPath_HoldsTheDeniedTopic(string path)
    {
        using var client = app.ClientFor(Admin);

        var body = await client.GetStringAsync(path);

        Assert.Contains(DeniedTopic, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedViewer_EventList_HoldsEveryReadableEventOnly()
    {
        using var client = app.ClientFor(Viewer);

        var events = await client.GetFromJsonAsync<JsonElement>("/api/events?limit=1000");

        Assert.Equal(ReadableCount, events.GetArrayLength());
        Assert.All(events.EnumerateArray(), e => Assert.StartsWith("shop.", e.GetProperty("topic").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestrictedViewer_EventListNamingTheDeniedTopic_Is403SayingWhy()
    {
        using var client = app.ClientFor(Viewer);

        var response = await client.GetAsync($"/api/events?topic={OrdersTopic},{DeniedTopic}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"may not read topic '{DeniedTopic}'", body, StringComparison.Ordinal);
        Leaks.AssertNone(body, "refused list", namedByCaller: true);
    }

    [Fact]
    public async Task RestrictedViewer_DeniedEventDetail_AnswersLikeAMissingEvent()
    {
        using var client = app.ClientFor(Viewer);

        var denied = await client.GetAsync($"/api/events/{DeniedTopic}/0/10");
        var missing = await client.GetAsync($"/api/events/{DeniedTopic}/0/999");
        var deniedBody = await denied.Content.ReadAsStringAsync();
        var deniedProblem = JsonDocument.Parse(deniedBody).RootElement;
        var missingProblem = await missing.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(missingProblem.GetProperty("title").GetString(), deniedProblem.GetProperty("title").GetString());
        Assert.Equal(missingProblem.GetProperty("detail").GetString()!.Replace("999", "10", StringComparison.Ordinal), deniedProblem.GetProperty("detail").GetString());
        Leaks.AssertNone(deniedBody, "denied detail", namedByCaller: true);
    }

    [Fact]
    public async Task Admin_DeniedTopicsEventDetail_IsFound()
    {
        using var client = app.ClientFor(Admin);

        var body = await client.GetStringAsync($"/api/events/{DeniedTopic}/0/10");

        Assert.True(Leaks.Any(body));
    }

    [Fact]
    public async Task RestrictedViewer_DeniedEventDetailPage_SaysNotFoundOrNotPermitted()
    {
        using var client = app.ClientFor(Viewer);

        using var response = await client.GetAsync($"/events/{DeniedTopic}/0/10");
        var body = await response.Content.ReadAsStringAsync();

        // The same answer as for an event that does not exist: 404, so the status does not tell it exists either.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Event not found or not permitted", body, StringComparison.Ordinal);
        Leaks.AssertNone(body, "denied detail page", namedByCaller: true);
    }

    [Fact]
    public async Task RestrictedViewer_FeedPageFilteredOnTheDeniedTopic_SaysItIsNotPermitted()
    {
        using var client = app.ClientFor(Viewer);

        var body = await client.GetStringAsync($"/?topic={DeniedTopic}");

        Assert.Contains($"may not read topic &#x27;{DeniedTopic}&#x27;", body, StringComparison.Ordinal);
        Leaks.AssertNone(body, "feed page on the denied topic", namedByCaller: true);
    }

    [Fact]
    public async Task RestrictedViewer_GapsOfTheDeniedTopic_AreEmpty()
    {
        using var client = app.ClientFor(Viewer);
        using var admin = app.ClientFor(Admin);

        var gaps = await client.GetFromJsonAsync<JsonElement>($"/api/gaps?topic={DeniedTopic}");
        var adminGaps = await admin.GetFromJsonAsync<JsonElement>($"/api/gaps?topic={DeniedTopic}");

        Assert.Equal(0, gaps.GetArrayLength());
        Assert.Equal(1, adminGaps.GetArrayLength());
    }

    [Fact]
    public async Task RestrictedViewer_Stats_CountReadableTopicsOnly()
    {
        using var client = app.ClientFor(Viewer);

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/stats");

        Assert.Equal([OrdersTopic, PaymentsTopic], stats.GetProperty("topics").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SignedOutUserInModeNone_ReadsEveryTopic()
    {
        using var client = app.ClientFor(null);

        var events = await client.GetFromJsonAsync<JsonElement>("/api/events?limit=1000");

        Assert.Equal(ReadableCount + Denied().Length, events.GetArrayLength());
    }
}
