using EventObserver.Monitoring;

namespace EventObserver.Features.Status;

public static class HealthEndpoints
{
    /// <summary>
    /// Always 200, with <c>status</c> "Degraded" and the <c>reasons</c> while the broker is unreachable or ingestion
    /// stalls, falls further behind or loses messages to retention: the app itself is fine and keeps serving its
    /// index, so an orchestrator must not restart it over that.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", (SystemStatusReader reader) =>
            {
                var s = reader.Read();
                return TypedResults.Ok(new HealthDto(
                    s.Healthy ? "Healthy" : "Degraded",
                    s.BrokerReachable, s.BrokerState, s.Lag, s.IndexSizeBytes, s.IndexedEvents,
                    s.ClusterId, s.Embedded, s.LastError, s.LastErrorAt,
                    s.Reasons, s.Reasons.Count == 0 ? null : string.Join("; ", s.Reasons),
                    s.Ingestion.BehindBy, s.Ingestion.BehindSince));
            })
            .WithTags("Health");
        return routes;
    }
}
