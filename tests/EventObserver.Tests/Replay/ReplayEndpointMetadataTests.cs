using System.ComponentModel;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;

using EventObserver.Tests.Api;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Replay;

/// <summary>
/// The Replay endpoints describe themselves (what the OpenAPI document is built from): success types, the problem
/// status codes each handler and the request guard really answer, bodies read by hand, summaries, parameter texts.
/// </summary>
public sealed class ReplayEndpointMetadataTests(SeededIndexFixture fixture) : IClassFixture<SeededIndexFixture>
{
    // Body endpoints: 400 by field, 413 over the body limit, 403/415 from the request guard; controls: 403/415 only.
    private static readonly Dictionary<string, int[]> ExpectedProblems = new(StringComparer.Ordinal)
    {
        ["POST /api/replays"] = [400, 403, 404, 409, 413, 415, 503],
        ["GET /api/replays"] = [],
        ["POST /api/replays/count"] = [400, 403, 413, 415, 500],
        ["POST /api/replays/compare"] = [400, 403, 404, 409, 413, 415, 503],
        ["GET /api/replays/publishes"] = [400],
        ["GET /api/replays/templates"] = [],
        ["GET /api/replays/{id}"] = [404],
        ["GET /api/replays/{id}/state"] = [404, 422],
        ["POST /api/replays/{id}/pause"] = [403, 404, 409, 415],
        ["POST /api/replays/{id}/resume"] = [403, 404, 409, 415],
        ["POST /api/replays/{id}/stop"] = [403, 404, 409, 415],
        ["POST /api/replays/{id}/step"] = [400, 403, 404, 409, 415],
        ["POST /api/replays/{id}/run-to"] = [400, 403, 404, 409, 415],
        ["GET /api/projections"] = [],
        ["POST /api/projections"] = [400, 403, 413, 415],
        ["GET /api/projections/{name}"] = [404],
        ["GET /api/projections/{name}/{version:int}"] = [404],
    };

    private static readonly string[] BodyEndpoints = ["POST /api/replays", "POST /api/replays/count", "POST /api/replays/compare", "POST /api/projections"];

    [Fact]
    public void ReplayEndpoints_AsMapped_AreExactlyTheDescribedOnes()
    {
        var mapped = ReplayEndpoints().Select(e => e.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ExpectedProblems.Keys.Order(StringComparer.Ordinal), mapped);
    }

    [Fact]
    public void EveryReplayEndpoint_ResponseMetadata_DeclaresASuccessTypeAndItsProblems()
    {
        var wrong = new List<string>();

        foreach (var (name, endpoint) in ReplayEndpoints())
        {
            var responses = endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>();
            var successTypes = responses.Where(r => r.StatusCode is >= 200 and < 300 && r.Type is { } t && t != typeof(void)).ToList();
            var problems = responses.Where(r => r.StatusCode >= 400).ToList();
            var problemCodes = problems.Select(r => r.StatusCode).Distinct().Order().ToArray();
            if (successTypes.Count == 0)
            {
                wrong.Add($"{name}: no success response type");
            }

            if (!problemCodes.SequenceEqual(ExpectedProblems.GetValueOrDefault(name, [])))
            {
                wrong.Add($"{name}: problems [{string.Join(", ", problemCodes)}]");
            }

            if (problems.FirstOrDefault(p => !typeof(ProblemDetails).IsAssignableFrom(p.Type) || !p.ContentTypes.Contains("application/problem+json")) is { } notProblem)
            {
                wrong.Add($"{name}: {notProblem.StatusCode} is not a problem document");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void EveryReplayEndpoint_Description_HasASummaryAndATag()
    {
        var undescribed = ReplayEndpoints()
            .Where(e => string.IsNullOrWhiteSpace(e.Endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary)
                || e.Endpoint.Metadata.GetMetadata<ITagsMetadata>() is not { Tags.Count: > 0 })
            .Select(e => e.Name);

        Assert.Empty(undescribed);
    }

    [Fact]
    public void BodyEndpoints_ReadingJsonThemselves_DeclareTheBodyType()
    {
        var endpoints = ReplayEndpoints().ToDictionary(e => e.Name, e => e.Endpoint);

        var undeclared = BodyEndpoints.Where(name => endpoints[name].Metadata.GetMetadata<IAcceptsMetadata>() is not
            { RequestType: not null } accepts || !accepts.ContentTypes.Contains("application/json"));

        Assert.Empty(undeclared);
    }

    [Fact]
    public void RouteAndQueryParameters_OfEveryReplayHandler_AreDescribed()
    {
        var parameters = ReplayEndpoints()
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
                .Where(p => IsPlainValue(p.ParameterType))
                .Select(p => (e.Name, Parameter: p)))
            .ToList();

        var undescribed = parameters.Where(p => string.IsNullOrWhiteSpace(p.Parameter.GetCustomAttribute<DescriptionAttribute>()?.Description))
            .Select(p => $"{p.Name}: {p.Parameter.Name}");

        // id, partition, count, type, limit, name, version: an empty list would prove nothing.
        Assert.True(parameters.Count >= 12, $"only {parameters.Count} route/query parameters found");
        Assert.Empty(undescribed);
    }

    [Theory]
    [InlineData("POST", "/api/replays/nope/step?count=0", "count", "count must be from 1 to 100000.")]
    [InlineData("POST", "/api/replays/nope/step?count=100001", "count", "count must be from 1 to 100000.")]
    [InlineData("POST", "/api/replays/nope/run-to", "type", "Give the event type to run to, e.g. ?type=OrderShipped.")]
    [InlineData("GET", "/api/replays/publishes?limit=1001", "limit", "limit must be from 1 to 1000.")]
    public async Task DescribedRanges_OutOfRange_AreStillTheHandlersOwn400(string method, string url, string field, string message)
    {
        // [Range] on these parameters only describes them: the answer is the handler's problem, checked before the id.
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, problem.GetProperty("detail").GetString());
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    private IEnumerable<(string Name, RouteEndpoint Endpoint)> ReplayEndpoints() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/replays", StringComparison.Ordinal) || raw.StartsWith("/api/projections", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => ($"{method} {e.RoutePattern.RawText!.TrimEnd('/')}", e)));

    private static bool IsPlainValue(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t.IsPrimitive || t == typeof(string));
}
