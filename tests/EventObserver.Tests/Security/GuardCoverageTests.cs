using System.Net;
using System.Text;

using EventObserver.Security;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Security;

/// <summary>Every state-changing API endpoint the app maps (today's and any added later) is behind the cross-site rules.</summary>
[Collection(SecurityAppCollection.Name)]
public sealed class GuardCoverageTests(SecurityAppFixture fixture)
{
    private static readonly string[] AnyMethod = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    [Fact]
    public async Task EveryStateChangingApiEndpoint_CrossSiteOrNotJson_IsRefused()
    {
        var targets = StateChangingApiEndpoints();
        var unguarded = new List<string>();

        foreach (var (method, url) in targets)
        {
            var crossSite = await SendAsync(method, url, ("Origin", fixture.OtherPortOrigin));
            var notJson = await SendAsync(method, url);
            if (crossSite != HttpStatusCode.Forbidden || notJson != HttpStatusCode.UnsupportedMediaType)
            {
                unguarded.Add($"{method} {url}: cross-site {(int)crossSite}, text/plain {(int)notJson}");
            }
        }

        // The app maps at least these (replays, controls, count, compare, projections, demo burst); an empty list would prove nothing.
        Assert.True(targets.Count >= 10, $"only {targets.Count} state-changing API endpoints found: {string.Join(", ", targets)}");
        Assert.Contains((HttpMethods.Post, "/api/replays"), targets);
        Assert.Contains((HttpMethods.Post, "/api/groups/1/offsets/reset"), targets);
        Assert.Empty(unguarded);
    }

    private List<(string Method, string Url)> StateChangingApiEndpoints()
    {
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return [.. endpoints
            .Select(e => (Endpoint: e, Url: Url(e.RoutePattern)))
            .Where(e => RequestGuardScope.IsApi(e.Url))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? AnyMethod)
                .Where(RequestGuardScope.IsStateChanging)
                .Select(method => (method, e.Url)))
            .Distinct()];
    }

    /// <summary>A concrete URL for a route pattern: every parameter is "1" (valid for ids, names and int versions).</summary>
    private static string Url(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "1",
        }))));

    private async Task<HttpStatusCode> SendAsync(string method, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent("""{"selection":{},"projection":"({})","name":"x","script":"({})"}""", Encoding.UTF8, "text/plain"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await fixture.Client.SendAsync(request);
        return response.StatusCode;
    }
}
