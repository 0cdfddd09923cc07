using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

namespace EventObserver.Tests.Replay;

/// <summary>The README's 409 for stepping a running run, over HTTP; its own app, so the long run disturbs no shared fixture.</summary>
public sealed class ReplayStepApiTests : IDisposable
{
    /// <summary>Well under a millisecond per event (far from the 250 ms call budget): 10,000 events keep the run going for seconds.</summary>
    private const string SlowCount = "({ $any: (s, e) => { let x = 0; for (let i = 0; i < 3000; i++) { x += i; } s.n = (s.n || 0) + 1; } })";

    private readonly SeededAppFactory _factory = new();
    private readonly HttpClient _client;

    public ReplayStepApiTests()
    {
        _factory.Seed([.. ShopOrders.Create(2_000)]);
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task Step_WhileTheRunIsRunning_Answers409_AndTheRunKeepsRunning()
    {
        var started = await _client.PostAsJsonAsync("/api/replays", new { selection = new { }, projection = SlowCount });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.MatchAsync(() => Get(id), r => r.GetProperty("processed").GetInt64() >= 1, "the first event");

        var step = await _client.PostAsync($"/api/replays/{id}/step", null);
        var problem = await step.Content.ReadAsStringAsync();
        var before = Get(id).GetProperty("processed").GetInt64();
        var later = await Eventually.MatchAsync(() => Get(id), r => r.GetProperty("processed").GetInt64() > before + 1, "more events");
        await _client.PostAsync($"/api/replays/{id}/stop", null);

        Assert.Equal(HttpStatusCode.Conflict, step.StatusCode);
        Assert.Contains("running", problem, StringComparison.Ordinal);
        Assert.Equal("running", later.GetProperty("status").GetString());
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private JsonElement Get(string id) => _client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}").GetAwaiter().GetResult();
}
