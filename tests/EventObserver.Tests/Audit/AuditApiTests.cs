using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Features.Replay.Runs;
using EventObserver.Storage.Audit;
using EventObserver.Tests.Api;
using EventObserver.TestSupport;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Audit;

/// <summary><c>GET /api/audit</c> and the audit records of replays started through the API, in the real app.</summary>
public sealed class AuditApiTests(SeededIndexFixture fixture) : IClassFixture<SeededIndexFixture>
{
    private static readonly DateTimeOffset At = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task StartRun_ThroughTheApi_RecordsOneEntryWithTheScriptHashAndSelection()
    {
        var script = $"({{ $init: () => ({{ n: 0 }}), $any: (s, e) => {{ s.n++; }} }}) // {Guid.NewGuid():N}";
        var hash = ReplayAudit.ScriptHash(script);

        var started = await _client.PostAsJsonAsync("/api/replays", new { selection = new { topic = SeededIndexFixture.OrdersTopic, type = "OrderPlaced" }, projection = script });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var entries = await Eventually.MatchAsync(() => Entries($"/api/audit?q={hash}"), e => e.Count > 0, "the run's audit record");
        var entry = Assert.Single(entries);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("ReplayRun", entry.GetProperty("action").GetString());
        Assert.Equal(id, entry.GetProperty("target").GetString());
        Assert.Equal("anonymous", entry.GetProperty("actor").GetString());
        Assert.True(entry.GetProperty("succeeded").GetBoolean());
        Assert.StartsWith($"selection ?topic={SeededIndexFixture.OrdersTopic}&type=OrderPlaced; script sha256 {hash}; 2 events",
            entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveProjection_ThroughTheApi_IsRecorded()
    {
        var name = "audited-" + Guid.NewGuid().ToString("N")[..8];

        var saved = await _client.PostAsJsonAsync("/api/projections", new { name, script = "({})" });

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var entry = Assert.Single(await Eventually.MatchAsync(() => Entries($"/api/audit?action=projectionsaved&q={name}"), e => e.Count > 0, "the save's record"));
        Assert.Equal(name, entry.GetProperty("target").GetString());
        Assert.StartsWith("version 1; script sha256 ", entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FiltersAndPaging_NewestFirstWithTheTotal()
    {
        var actor = "pager-" + Guid.NewGuid().ToString("N")[..8];
        var store = fixture.Factory.Services.GetRequiredService<AuditStore>();
        store.Append(Enumerable.Range(0, 5).Select(i => new AuditRecord { At = At.AddMinutes(i), Action = "SignIn", Actor = actor, Target = $"t{i}" }));
        store.Append([new AuditRecord { At = At.AddMinutes(2), Action = "SignOut", Actor = actor }]);

        using var page = await GetAsync($"/api/audit?actor={actor.ToUpperInvariant()}&action=SignIn&from=2020-01-01T00:01:00Z&to=2020-01-01T00:04:00Z&offset=1&limit=2");

        Assert.Equal(4, page.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(1, page.RootElement.GetProperty("offset").GetInt32());
        Assert.Equal(["t3", "t2"], page.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("target").GetString()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("action=Shutdown", "action")]
    [InlineData("action=3", "action")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    public async Task Get_BadParameter_Is400ProblemNamingIt(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/audit?{query}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    private List<JsonElement> Entries(string url)
    {
        using var page = GetAsync(url).GetAwaiter().GetResult();
        return [.. page.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone())];
    }

    private async Task<JsonDocument> GetAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
