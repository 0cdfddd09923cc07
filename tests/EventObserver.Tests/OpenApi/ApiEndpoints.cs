using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace EventObserver.Tests.OpenApi;

/// <summary>The app's API operations (<c>/api/*</c>, <c>/healthz*</c>) and the document's, as "METHOD /path{param}" lines.</summary>
public static class ApiEndpoints
{
    public static SortedSet<string> Mapped(IEnumerable<Endpoint> endpoints) =>
        new(endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Path: Path(e.RoutePattern)))
            .Where(e => IsApi(e.Path))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method.ToUpperInvariant()} {e.Path}")),
            StringComparer.Ordinal);

    public static SortedSet<string> Documented(JsonNode document) =>
        new(document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}")),
            StringComparer.Ordinal);

    /// <summary>What is mapped but not documented, and documented but not mapped; empty when they are equal.</summary>
    public static string[] Differences(IEnumerable<Endpoint> endpoints, JsonNode document)
    {
        var mapped = Mapped(endpoints);
        var documented = Documented(document);
        return [.. mapped.Except(documented).Select(e => $"not documented: {e}"), .. documented.Except(mapped).Select(e => $"not mapped: {e}")];
    }

    private static bool IsApi(string path) =>
        path == "/api" || path.StartsWith("/api/", StringComparison.Ordinal)
        || path == "/healthz" || path.StartsWith("/healthz/", StringComparison.Ordinal);

    /// <summary>The OpenAPI form of a route: parameters by name, without constraints (<c>{partition:int}</c> is <c>{partition}</c>).</summary>
    private static string Path(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            _ => "",
        }))));
}
