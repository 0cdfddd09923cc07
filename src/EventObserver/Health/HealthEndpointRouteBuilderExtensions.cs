using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventObserver.Health;

public static class HealthEndpointRouteBuilderExtensions
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    /// <summary>
    /// <c>/healthz/live</c> and <c>/healthz/ready</c>: 200 when Healthy or Degraded, 503 when Unhealthy (the health
    /// checks' defaults), never cached. <c>/healthz</c> (StatusEndpoints) keeps its own body and its 200.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder routes)
    {
        // Anonymous like /healthz: orchestrators and load balancers probe without credentials; the bodies name no
        // topic or event. GET only, as the document says (a probe changes nothing).
        Map(routes, LivePath, HealthTags.Live);
        Map(routes, ReadyPath, HealthTags.Ready);
        return routes;
    }

    private static void Map(IEndpointRouteBuilder routes, string path, string tag) =>
        routes.MapHealthChecks(path, new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(tag),
                ResponseWriter = HealthReportWriter.WriteAsync,
                ResultStatusCodes =
                {
                    [HealthStatus.Healthy] = StatusCodes.Status200OK,
                    [HealthStatus.Degraded] = StatusCodes.Status200OK,
                    [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .WithDisplayName($"Health probe {path}")
            .AllowAnonymous();
}
