using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

using EventObserver.Tests.Api;
using EventObserver.TestSupport;

using Json.Schema;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.OpenApi;

/// <summary><c>/openapi/v1.json</c> against the app itself: every API endpoint is in it, and real responses match its schemas.</summary>
public sealed class OpenApiDocumentTests(SeededIndexFixture fixture) : IClassFixture<SeededIndexFixture>
{
    private const string ProjectionName = "openapi-count";
    private const string CountScript = "({ $init: () => ({ n: 0 }), $any: (s, e) => { s.n++; } })";

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Document_PathsAndMethods_EqualTheAppsApiEndpoints()
    {
        var document = await DocumentAsync();

        var differences = ApiEndpoints.Differences(Endpoints(), document);

        Assert.Empty(differences);
        // Today's API, so an empty comparison cannot pass by finding nothing.
        Assert.Contains("GET /api/events", ApiEndpoints.Documented(document));
        Assert.Contains("GET /healthz", ApiEndpoints.Documented(document));
        Assert.Contains("POST /api/replays", ApiEndpoints.Documented(document));
        Assert.DoesNotContain(ApiEndpoints.Documented(document), e => e.Contains("/hubs/", StringComparison.Ordinal) || e.Contains("/_blazor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_AnEndpointMissingFromIt_IsReported()
    {
        var document = await DocumentAsync();
        // What a new endpoint the generator cannot describe looks like (a bare RequestDelegate, or ExcludeFromDescription).
        var undocumented = new RouteEndpoint(
            _ => Task.CompletedTask,
            RoutePatternFactory.Parse("/api/undocumented/{id:int}"),
            0,
            new EndpointMetadataCollection(new HttpMethodMetadata([HttpMethods.Get])),
            "undocumented");

        var differences = ApiEndpoints.Differences([.. Endpoints(), undocumented], document);

        Assert.Equal(["not documented: GET /api/undocumented/{id}"], differences);
    }

    [Fact]
    public async Task EveryGetOperation_RealResponse_ValidatesAgainstItsDocumentedSchema()
    {
        var document = await DocumentAsync();
        var samples = await SampleRouteValuesAsync();
        var checkedCount = 0;
        var failures = new List<string>();

        foreach (var (path, operation) in GetOperations(document))
        {
            var url = samples.Aggregate(path, (u, s) => u.Replace($"{{{s.Key}}}", Uri.EscapeDataString(s.Value), StringComparison.Ordinal));
            using var response = await _client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation["responses"]?[status]?["content"]?.AsObject().FirstOrDefault().Value?["schema"] is not { } schema)
            {
                failures.Add($"GET {url}: {status} is not a documented response with a body ({body[..Math.Min(body.Length, 200)]})");
                continue;
            }

            var result = SchemaValidator.Validate(document, schema, JsonNode.Parse(body));
            if (result is not null)
            {
                failures.Add($"GET {url} ({status}): {result}");
            }

            checkedCount++;
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedCount >= 19, $"only {checkedCount} GET operations checked");
    }

    [Fact]
    public async Task SchemaValidator_ResponseNotMatchingTheSchema_IsReported()
    {
        var document = await DocumentAsync();
        var schema = GetOperations(document).Single(o => o.Path == "/api/topics").Operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;

        var wrongType = SchemaValidator.Validate(document, schema, JsonNode.Parse("""[{ "name": 42, "partitions": "three" }]"""));

        Assert.NotNull(wrongType);
    }

    private IEnumerable<Endpoint> Endpoints() => fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;

    private async Task<JsonNode> DocumentAsync()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<(string Path, JsonNode Operation)> GetOperations(JsonNode document) =>
        document["paths"]!.AsObject()
            .Where(p => p.Value!["get"] is not null)
            .Select(p => (p.Key, p.Value!["get"]!));

    /// <summary>Route values that name seeded data: an event, its conversation, a saved projection and a finished replay run.</summary>
    private async Task<Dictionary<string, string>> SampleRouteValuesAsync()
    {
        var saved = await _client.PostAsJsonAsync("/api/projections", new { name = ProjectionName, script = CountScript });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var started = await _client.PostAsJsonAsync("/api/replays", new { selection = new { topic = SeededIndexFixture.OrdersTopic }, projection = CountScript });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.MatchAsync(
            () => _client.GetFromJsonAsync<JsonElement>($"/api/replays/{id}").GetAwaiter().GetResult().GetProperty("status").GetString(),
            status => status == "completed",
            "the replay run to complete");
        return new(StringComparer.Ordinal)
        {
            ["topic"] = SeededIndexFixture.OrdersTopic,
            ["partition"] = "0",
            ["offset"] = "1",
            ["correlationId"] = SeededIndexFixture.Correlation,
            ["id"] = id,
            ["name"] = ProjectionName,
            ["version"] = "1",
        };
    }
}
