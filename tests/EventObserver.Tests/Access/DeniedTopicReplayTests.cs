using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.TestSupport;

using static EventObserver.Tests.Access.AccessAppFixture;

namespace EventObserver.Tests.Access;

/// <summary>
/// Replays for a user restricted to the shop topics: counts, runs, diffs and dry-run previews cover readable topics
/// only, a selection or target naming the denied topic is a 403 saying why, and other users' runs over it stay hidden.
/// </summary>
[Collection(AccessAppCollection.Name)]
public sealed class DeniedTopicReplayTests(AccessAppFixture app)
{
    /// <summary>Keeps everything a handler can read of every event in its state.</summary>
    public const string CaptureAll = """
        ({ $init: () => ({ seen: [] }),
           $any: (s, e) => { s.seen.push({ type: e.type, key: e.key, topic: e.topic, id: e.messageId, correlation: e.correlationId,
             causation: e.causationId, text: e.text, headers: e.headers, source: e.source }); } })
        """;

    [Fact]
    public async Task Count_EmptySelection_CountsReadableTopicsOnly()
    {
        using var client = app.ClientFor(Viewer);

        var response = await client.PostAsJsonAsync("/api/replays/count", new { });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(ReadableCount, JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt64());
        Leaks.AssertNone(body, "count");
    }

    [Theory]
    [InlineData("/api/replays/count", """{"topic":"hr.salaries"}""")]
    [InlineData("/api/replays/count", """{"topics":["shop.orders","hr.salaries"]}""")]
    [InlineData("/api/replays/count", """{"topic":"hr.salaries","partitions":[{"partition":0,"fromOffset":10,"toOffset":12}]}""")]
    [InlineData("/api/replays", """{"selection":{"topic":"hr.salaries"},"projection":"({})"}""")]
    [InlineData("/api/replays", """{"selection":{"topic":"hr.salaries"},"publish":{"targetTopic":"shop.copy","dryRun":true}}""")]
    [InlineData("/api/replays", """{"selection":{"topic":"shop.orders"},"publish":{"targetTopic":"hr.salaries","dryRun":true}}""")]
    public async Task NamingTheDeniedTopic_Is403SayingWhy(string path, string json)
    {
        using var client = app.ClientFor(Operator);

        var response = await client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Topic not permitted", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        Assert.Contains($"'{DeniedTopic}'", body, StringComparison.Ordinal);
        Leaks.AssertNone(body, path, namedByCaller: true);
    }

    [Fact]
    public async Task ProjectionOverEverything_StateHoldsReadableEventsOnly()
    {
        using var client = app.ClientFor(Operator);

        var run = await RunAsync(client, new { selection = new { }, projection = CaptureAll });
        var body = run.GetRawText();

        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(ReadableCount, run.GetProperty("state").GetProperty("seen").GetArrayLength());
        Leaks.AssertNone(body, "projection run");
    }

    [Fact]
    public async Task StepThroughEverything_ChangesHoldReadableEventsOnly()
    {
        using var client = app.ClientFor(Operator);
        var id = await StartAsync(client, new { selection = new { }, projection = CaptureAll, startPaused = true });

        var bodies = new List<string>();
        for (var i = 0; i < ReadableCount; i++)
        {
            var step = await client.PostAsync($"/api/replays/{id}/step", null);
            Assert.Equal(HttpStatusCode.OK, step.StatusCode);
            var run = await Eventually.MatchAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}").GetAwaiter().GetResult(),
                r => r.GetProperty("processed").GetInt64() == i + 1 && r.GetProperty("status").GetString() is "paused" or "completed", $"step {i + 1}");
            bodies.Add(run.GetRawText());
        }

        Assert.All(bodies, body => Leaks.AssertNone(body, "stepped run"));
        Assert.Contains(bodies, body => body.Contains("\"changes\":[{", StringComparison.Ordinal));
        await client.PostAsync($"/api/replays/{id}/stop", null);
    }

    [Fact]
    public async Task Compare_OverEverything_ChangesHoldReadableEventsOnly()
    {
        using var client = app.ClientFor(Operator);

        var response = await client.PostAsJsonAsync("/api/replays/compare", new
        {
            left = new { selection = new { }, projection = CaptureAll },
            right = new { selection = new { }, projection = "({ $init: () => ({ seen: [] }) })" },
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("changes").GetArrayLength() > 0);
        Leaks.AssertNone(body, "compare");
    }

    [Fact]
    public async Task DryRunOverEverything_PreviewsReadableEventsOnly()
    {
        using var client = app.ClientFor(Operator);

        var run = await RunAsync(client, new { selection = new { }, publish = new { targetTopic = "shop.copy", dryRun = true } });

        Assert.Equal(ReadableCount, run.GetProperty("publish").GetProperty("preview").GetArrayLength());
        Leaks.AssertNone(run.GetRawText(), "dry run");
    }

    [Fact]
    public async Task AdminsRunOverTheDeniedTopic_IsHiddenFromTheRestrictedViewer()
    {
        using var admin = app.ClientFor(Admin);
        using var viewer = app.ClientFor(Viewer);
        using var restrictedOperator = app.ClientFor(Operator);
        var adminRun = await RunAsync(admin, new { selection = new { topic = DeniedTopic }, projection = CaptureAll });
        var id = adminRun.GetProperty("id").GetString()!;

        var list = await viewer.GetStringAsync("/api/replays");
        var get = await viewer.GetAsync($"/api/replays/{id}");
        var state = await viewer.GetAsync($"/api/replays/{id}/state");
        var stop = await restrictedOperator.PostAsync($"/api/replays/{id}/stop", null);

        Assert.True(Leaks.Any(adminRun.GetRawText()));
        Assert.DoesNotContain(id, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stop.StatusCode);
        Assert.Contains(id, await admin.GetStringAsync("/api/replays"), StringComparison.Ordinal);
    }

    internal static async Task<string> StartAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/replays", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    internal static async Task<JsonElement> RunAsync(HttpClient client, object request)
    {
        var id = await StartAsync(client, request);
        return await Eventually.MatchAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}").GetAwaiter().GetResult(),
            r => r.GetProperty("status").GetString() is "completed" or "failed" or "stopped",
            $"replay {id} to finish");
    }
}
