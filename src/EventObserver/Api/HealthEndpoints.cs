using EventObserver.Monitoring;

namespace EventObserver.Api;

public static class HealthEndpoints
{
    /// <summary>
    /// Always 200, with <c>status</c> "Degraded" while the broker is unreachable: the app itself is fine and
    /// keeps serving its index, so an orchestrator must not restart it over a broker outage.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", (SystemStatusReader reader) =>
            {
                var s = reader.Read();
                return TypedResults.Ok(new HealthDto(
                    s.Healthy ? "Healthy" : "Degraded",
                    s.BrokerReachable, s.BrokerState, s.Lag, s.IndexSizeBytes, s.IndexedEvents,
                    s.ClusterId, s.Embedded, s.LastError, s.LastErrorAt));
            })
            .WithTags("Health");
        return routes;
    }
}
