using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using EventObserver.Tests.Api;
using EventObserver.TestSupport;

namespace EventObserver.Tests.Replay;

public sealed class ReplayApiTests(SeededIndexFixture fixture) : IClassFixture<SeededIndexFixture>
{
    private const string CountScript = "({ $init: () => ({ n: 0 }), $any: (s, e) => { s.n++; } })";

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Post_Projection_Answers202WithId_AndTheRunCompletesWithState()
    {
        var response = await _client.PostAsJsonAsync("/api/replays", new { selection = new { topic = SeededIndexFixture.OrdersTopic }, projection = CountScript });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var run = await CompletedAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/replays/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(3, run.GetProperty("processed").GetInt64());
        Assert.Equal(3, run.GetProperty("total").GetInt64());
        Assert.Equal(3, run.GetProperty("state").GetProperty("n").GetInt32());
        Assert.Equal(0, run.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Post_Template_ByCorrelation_RunsIt()
    {
        var response = await _client.PostAsJsonAsync("/api/replays", new { selection = new { correlationId = SeededIndexFixture.Correlation }, template = "count-by-type" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var run = await CompletedAsync(id);

        Assert.Equal(4, run.GetProperty("state").GetProperty("total").GetInt32());
        Assert.Equal("count-by-type", run.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Post_ScriptThatDoesNotCompile_Answers400ProblemWithTheMessage()
    {
        var response = await _client.PostAsJsonAsync("/api/replays", new { selection = new { }, projection = "({ $any: (s, e) => { " });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The projection does not compile", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task SaveProjection_ScriptThatDoesNotCompile_Answers400WithTheErrorAndSavesNothing()
    {
        const string name = "broken-save";

        var response = await _client.PostAsJsonAsync("/api/projections", new { name, script = "({ $any: (s, e) => { " });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The projection does not compile", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(JsonValueKind.Number, problem.GetProperty("line").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/projections/{name}")).StatusCode);
    }

    [Fact]
    public async Task Post_PublishByDefault_IsRefusedWithAProblemSayingWhy()
    {
        var response = await _client.PostAsJsonAsync("/api/replays", new { selection = new { }, publish = new { targetTopic = "replay.orders", dryRun = false } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("disabled", problem.GetProperty("refusal").GetString());
        Assert.Contains("AllowPublish", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"selection": {"from": "2025-03-02T00:00:00Z", "to": "2025-03-01T00:00:00Z"}, "projection": "({})"}""")]
    [InlineData("""{"selection": {}, "projection": "({})", "publish": {"targetTopic": "x"}}""")]
    [InlineData("""{"selection": {"partitions": [{"partition": 0}]}, "projection": "({})"}""")]
    [InlineData("""{"selection": {}, "projection": "({})", "onError": "explode"}""")]
    public async Task Post_BadInput_Answers400Problem(string body)
    {
        var response = await _client.PostAsync("/api/replays", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("1e-300")]
    [InlineData("0.001")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1e300")]
    public async Task Post_PublishRateOutOfRange_Answers400NamingTheField(string rate)
    {
        var body = $$$"""{"selection": {}, "publish": {"targetTopic": "replay.orders", "dryRun": true, "ratePerSec": {{{rate}}}}}""";

        var response = await _client.PostAsync("/api/replays", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from 0.01 to 1,000,000", problem.GetProperty("errors").GetProperty("publish.ratePerSec")[0].GetString());
    }

    [Fact]
    public async Task Post_ThirtyAtOnce_StartsExactlyTheActiveRunLimit_TheRestConflict()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            _client.PostAsJsonAsync("/api/replays", new { selection = new { }, projection = CountScript, startPaused = true, label = "burst" })));
        var started = new List<string>();
        try
        {
            foreach (var accepted in responses.Where(r => r.StatusCode == HttpStatusCode.Accepted))
            {
                started.Add((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }

            var runs = await _client.GetFromJsonAsync<JsonElement>("/api/replays");
            var active = runs.EnumerateArray().Count(r => r.GetProperty("status").GetString() is "running" or "paused");

            Assert.InRange(started.Count, 1, 4);
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Accepted), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
            Assert.Equal(4, active);
        }
        finally
        {
            foreach (var id in started)
            {
                await _client.PostAsync($"/api/replays/{id}/stop", null);
            }
        }
    }

    [Fact]
    public async Task Controls_StepStopAndAfterwards_AnswerAsTheRunAllows()
    {
        var response = await _client.PostAsJsonAsync("/api/replays", new { selection = new { }, projection = CountScript, startPaused = true });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var step = await _client.PostAsync($"/api/replays/{id}/step", null);
        var stepped = await Eventually.MatchAsync(() => Get(id).GetAwaiter().GetResult(), r => r.GetProperty("processed").GetInt64() == 1 && r.GetProperty("status").GetString() == "paused", "one step");
        var stop = await _client.PostAsync($"/api/replays/{id}/stop", null);
        await Eventually.MatchAsync(() => Get(id).GetAwaiter().GetResult(), r => r.GetProperty("status").GetString() == "stopped", "the stop");
        var late = await _client.PostAsync($"/api/replays/{id}/resume", null);

        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        Assert.Equal(1, stepped.GetProperty("state").GetProperty("n").GetInt32());
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownRun_Answers404Problem()
    {
        var response = await _client.GetAsync("/api/replays/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Count_Selection_AnswersTheExactCountBeforeRunning()
    {
        var response = await _client.PostAsJsonAsync("/api/replays/count", new { topic = SeededIndexFixture.OrdersTopic, type = "OrderPlaced" });
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, summary.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task DryRun_IsListedInThePublishLog()
    {
        var response = await _client.PostAsJsonAsync("/api/replays", new { selection = new { topic = SeededIndexFixture.PaymentsTopic }, publish = new { targetTopic = "replay.payments", dryRun = true } });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var run = await CompletedAsync(id);

        var log = await _client.GetFromJsonAsync<JsonElement>("/api/replays/publishes");

        Assert.Equal(2, run.GetProperty("publish").GetProperty("preview").GetArrayLength());
        var entry = log.EnumerateArray().Single(e => e.GetProperty("replayId").GetString() == id);
        Assert.True(entry.GetProperty("dryRun").GetBoolean());
        Assert.Equal("replay.payments", entry.GetProperty("targetTopic").GetString());
        Assert.Equal(2, entry.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task Projections_SaveTwiceThenRunSaved_KeepsVersions()
    {
        var name = "api-" + Guid.NewGuid().ToString("N")[..8];
        var first = await _client.PostAsJsonAsync("/api/projections", new { name, script = CountScript });
        var second = await _client.PostAsJsonAsync("/api/projections", new { name, script = ProjectionScriptV2 });
        var broken = await _client.PostAsJsonAsync("/api/projections", new { name, script = "({" });
        var versions = await _client.GetFromJsonAsync<JsonElement>($"/api/projections/{name}");
        var start = await _client.PostAsJsonAsync("/api/replays", new { selection = new { topic = SeededIndexFixture.OrdersTopic }, saved = new { name, version = 1 } });
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var run = await CompletedAsync(id);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(3, run.GetProperty("state").GetProperty("n").GetInt32());
        Assert.Equal($"{name} v1", run.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Compare_TwoVersions_AnswersTheDiffOfFinalStates()
    {
        var response = await _client.PostAsJsonAsync("/api/replays/compare", new
        {
            left = new { selection = new { topic = SeededIndexFixture.OrdersTopic }, projection = CountScript },
            right = new { selection = new { topic = SeededIndexFixture.OrdersTopic }, projection = ProjectionScriptV2 },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        var change = Assert.Single(body.GetProperty("changes").EnumerateArray());
        Assert.Equal("/n", change.GetProperty("path").GetString());
        Assert.Equal(3, change.GetProperty("before").GetInt32());
        Assert.Equal(30, change.GetProperty("after").GetInt32());
    }

    private const string ProjectionScriptV2 = "({ $init: () => ({ n: 0 }), $any: (s, e) => { s.n += 10; } })";

    private async Task<JsonElement> Get(string id) => await _client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}");

    private Task<JsonElement> CompletedAsync(string id) =>
        Eventually.MatchAsync(() => Get(id).GetAwaiter().GetResult(), r => r.GetProperty("status").GetString() is "completed" or "failed" or "stopped", $"replay {id} to finish");
}
