using EventObserver.Access;

using Microsoft.Extensions.Options;

namespace EventObserver.Telemetry;

/// <summary>Maps <c>/metrics</c> (Prometheus text format) when <see cref="MetricsOptions.Enabled"/>.</summary>
public static class TelemetryEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var options = routes.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return routes;
        }

        if (options.AllowAnonymous)
        {
            // Anonymous like /healthz: scrapers expect it. It holds counts, sizes and topic names, never an event.
            routes.MapPrometheusScrapingEndpoint(MetricsOptions.Path).AllowAnonymous();
            return routes;
        }

        // The labels name every topic, so a caller must read every topic: a Viewer whose topic access is unrestricted.
        routes.MapPrometheusScrapingEndpoint(MetricsOptions.Path, meterProvider: null, configureBranchedPipeline: RequireEveryTopic, optionsName: null)
            .RequireAuthorization(AccessPolicies.Viewer);
        return routes;
    }

    private static void RequireEveryTopic(IApplicationBuilder branch) => branch.Use(async (context, next) =>
    {
        if (!context.RequestServices.GetRequiredService<ICurrentUser>().Access.Topics.IsUnrestricted)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next(context);
    });
}
