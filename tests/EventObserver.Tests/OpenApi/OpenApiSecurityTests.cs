using System.Text.Json.Nodes;

using EventObserver.Tests.Api;

namespace EventObserver.Tests.OpenApi;

/// <summary>The document tells clients how to authenticate and which role each operation needs.</summary>
public sealed class OpenApiSecurityTests(SeededIndexFixture fixture) : IClassFixture<SeededIndexFixture>
{
    [Fact]
    public async Task Document_SecuritySchemes_AreTheKeyHeaderBearerAndSessionCookie()
    {
        var schemes = (await DocumentAsync())["components"]!["securitySchemes"]!;

        Assert.Equal("apiKey", schemes["ApiKey"]!["type"]!.GetValue<string>());
        Assert.Equal("header", schemes["ApiKey"]!["in"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", schemes["ApiKey"]!["name"]!.GetValue<string>());
        Assert.Equal("http", schemes["Bearer"]!["type"]!.GetValue<string>());
        Assert.Equal("bearer", schemes["Bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["Cookie"]!["in"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryOperationButHealthz_NamesItsRoleSecurityAnd401And403()
    {
        var document = await DocumentAsync();
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var security = operation!["security"]?.AsArray().Select(r => string.Join(",", r!.AsObject().Select(p => p.Key))).ToList() ?? [];
                var responses = operation["responses"]!.AsObject();
                if (path is "/healthz" or "/healthz/live" or "/healthz/ready")
                {
                    Assert.Empty(security);
                    Assert.False(responses.ContainsKey("401"));
                    continue;
                }

                checkedCount++;
                if (!security.SequenceEqual(["ApiKey", "Bearer", "Cookie"])
                    || !responses.ContainsKey("401") || !responses.ContainsKey("403")
                    || operation["description"]?.GetValue<string>().Contains("role.", StringComparison.Ordinal) != true)
                {
                    failures.Add($"{method.ToUpperInvariant()} {path}: security [{string.Join("; ", security)}], responses {string.Join(",", responses.Select(r => r.Key))}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // Today's API, so the loop cannot pass by finding nothing.
        Assert.True(checkedCount >= 28, $"only {checkedCount} operations");
    }

    [Fact]
    public async Task StartReplay_SaysOperatorAndKeepsItsGuard403()
    {
        var start = (await DocumentAsync())["paths"]!["/api/replays"]!["post"]!;

        Assert.EndsWith("Requires the Operator role.", start["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var forbidden = start["responses"]!["403"]!["description"]!.GetValue<string>();
        Assert.Contains("Or: The caller does not hold the Operator role.", forbidden, StringComparison.Ordinal);
    }

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"))!;
}
