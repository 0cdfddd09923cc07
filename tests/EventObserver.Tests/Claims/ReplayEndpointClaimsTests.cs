using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.TestSupport;

namespace EventObserver.Tests.Claims;

/// <summary>The replay and projection endpoints of the README's API table, called over HTTP.</summary>
public sealed class ReplayEndpointClaimsTests(ReplayClaimsFixture fixture) : IClassFixture<ReplayClaimsFixture>
{
    private const string CountScript = "({ $init: () => ({ n: 0 }), $any: (s, e) => { s.n++; } })";
    private const string PerKeyScript = "options({ partitionBy: e => e.key });\n({ $init: () => ({ n: 0 }), $any: (s, e) => { s.n++; } })";

    // About 6,000 statements an event: far below the sandbox's per-call limits even on a starved machine (a call over
    // 250 ms fails the run), yet a run over the seeded orders takes seconds, so it is still going when the pause arrives.
    private const string SlowScript = "({ $init: () => ({ n: 0 }), $any: (s, e) => { let x = 0; for (let i = 0; i < 2000; i++) { x += i; } s.n++; } })";

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task GetReplays_ListsKeptRunsNewestFirst_WithoutState()
    {
        var first = await CompletedAsync(await StartAsync(new { selection = new { topic = ReplayClaimsFixture.Topic, type = "OrderShipped" }, projection = CountScript, label = "first" }));
        var second = await CompletedAsync(await StartAsync(new { selection = new { topic = ReplayClaimsFixture.Topic, type = "OrderShipped" }, projection = CountScript, label = "second" }));

        var runs = await _client.GetFromJsonAsync<JsonElement[]>("/api/replays");

        var ids = runs!.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.True(ids.IndexOf(second.GetProperty("id").GetString()) < ids.IndexOf(first.GetProperty("id").GetString()), string.Join(",", ids));
        Assert.Contains(first.GetProperty("id").GetString(), ids);
        Assert.Equal(1, first.GetProperty("state").GetProperty("n").GetInt32());
        Assert.All(runs!, r => Assert.True(!r.TryGetProperty("state", out var state) || state.ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task GetState_WholeOrOnePartition_AnswersThatState()
    {
        var id = (await CompletedAsync(await StartAsync(new { selection = new { topic = ReplayClaimsFixture.Topic }, projection = PerKeyScript }))).GetProperty("id").GetString();

        var whole = await _client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}/state");
        var one = await _client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}/state?partition=o-1");

        Assert.Equal(["o-0", "o-1", "o-2"], whole.GetProperty("state").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(ReplayClaimsFixture.Count / 3, whole.GetProperty("state").GetProperty("o-2").GetProperty("n").GetInt32());
        Assert.Equal("o-1", one.GetProperty("partition").GetString());
        Assert.Equal(ReplayClaimsFixture.Count / 3, one.GetProperty("state").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task GetTemplates_ListsTheBuiltInProjectionsWithTheirScripts()
    {
        var templates = await _client.GetFromJsonAsync<JsonElement[]>("/api/replays/templates");

        var names = templates!.Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("count-by-type", names);
        Assert.Contains("latest-per-key", names);
        Assert.Contains("order-lifecycle", names);
        Assert.All(templates!, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("script").GetString())));
    }

    [Fact]
    public async Task Pause_RunningRun_PausesItPartWay_AndAFinishedRunRefuses()
    {
        var id = await StartAsync(new { selection = new { topic = ReplayClaimsFixture.Topic }, projection = SlowScript });
        try
        {
            var pause = await _client.PostAsync($"/api/replays/{id}/pause", null);
            var paused = await Eventually.MatchAsync(() => Get(id), r => r.GetProperty("status").GetString() == "paused", "the pause");
            await _client.PostAsync($"/api/replays/{id}/stop", null);
            await Eventually.MatchAsync(() => Get(id), r => r.GetProperty("status").GetString() == "stopped", "the stop");
            var late = await _client.PostAsync($"/api/replays/{id}/pause", null);

            Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
            Assert.InRange(paused.GetProperty("processed").GetInt64(), 0, ReplayClaimsFixture.Count - 1);
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        }
        finally
        {
            await _client.PostAsync($"/api/replays/{id}/stop", null);
        }
    }

    [Fact]
    public async Task RunTo_Type_PausesRightAfterTheFirstEventOfThatType()
    {
        var id = await StartAsync(new { selection = new { topic = ReplayClaimsFixture.Topic }, projection = CountScript, startPaused = true });
        try
        {
            var missingType = await _client.PostAsync($"/api/replays/{id}/run-to", null);
            var runTo = await _client.PostAsync($"/api/replays/{id}/run-to?type=OrderShipped", null);
            var paused = await Eventually.MatchAsync(
                () => Get(id),
                r => r.GetProperty("status").GetString() == "paused" && r.GetProperty("processed").GetInt64() > 0,
                "the run to stop at OrderShipped");

            Assert.Equal(HttpStatusCode.BadRequest, missingType.StatusCode);
            Assert.Equal(HttpStatusCode.OK, runTo.StatusCode);
            Assert.Equal(ReplayClaimsFixture.ShippedOffset + 1, paused.GetProperty("processed").GetInt64());
            Assert.Equal(ReplayClaimsFixture.ShippedOffset + 1, paused.GetProperty("state").GetProperty("n").GetInt32());
            Assert.Equal("OrderShipped", paused.GetProperty("lastEvent").GetProperty("type").GetString());
        }
        finally
        {
            await _client.PostAsync($"/api/replays/{id}/stop", null);
        }
    }

    [Fact]
    public async Task GetProjectionVersion_AnswersThatVersionsScript_Or404()
    {
        var name = "claims-" + Guid.NewGuid().ToString("N")[..8];
        const string second = "({ $init: () => ({ n: 0 }), $any: (s, e) => { s.n += 2; } })";
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsJsonAsync("/api/projections", new { name, script = CountScript })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsJsonAsync("/api/projections", new { name, script = second, description = "doubles" })).StatusCode);

        var v1 = await _client.GetFromJsonAsync<JsonElement>($"/api/projections/{name}/1");
        var v2 = await _client.GetFromJsonAsync<JsonElement>($"/api/projections/{name}/2");
        var v3 = await _client.GetAsync($"/api/projections/{name}/3");

        Assert.Equal(CountScript, v1.GetProperty("script").GetString());
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(second, v2.GetProperty("script").GetString());
        Assert.Equal("doubles", v2.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.NotFound, v3.StatusCode);
    }

    [Fact]
    public async Task MaxActiveRuns_Setting_RefusesTheRunBeyondIt_AndAcceptsOnceOneEnds()
    {
        var started = new List<string>();
        try
        {
            for (var i = 0; i < ReplayClaimsFixture.MaxActiveRuns; i++)
            {
                started.Add(await StartAsync(new { selection = new { topic = ReplayClaimsFixture.Topic }, projection = CountScript, startPaused = true }));
            }

            var beyond = await _client.PostAsJsonAsync("/api/replays", new { selection = new { topic = ReplayClaimsFixture.Topic }, projection = CountScript, startPaused = true });
            await _client.PostAsync($"/api/replays/{started[0]}/stop", null);
            await Eventually.MatchAsync(() => Get(started[0]), r => r.GetProperty("status").GetString() == "stopped", "the stop");
            started.Add(await StartAsync(new { selection = new { topic = ReplayClaimsFixture.Topic }, projection = CountScript, startPaused = true }));

            Assert.Equal(HttpStatusCode.Conflict, beyond.StatusCode);
        }
        finally
        {
            foreach (var id in started)
            {
                await _client.PostAsync($"/api/replays/{id}/stop", null);
            }
        }
    }

    private async Task<string> StartAsync(object request)
    {
        var response = await _client.PostAsJsonAsync("/api/replays", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private JsonElement Get(string id) => _client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}").GetAwaiter().GetResult();

    private Task<JsonElement> CompletedAsync(string id) =>
        Eventually.MatchAsync(() => Get(id), r => r.GetProperty("status").GetString() is "completed" or "failed" or "stopped", $"replay {id} to finish");
}
