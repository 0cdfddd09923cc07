using EventObserver.Features.Status;

namespace EventObserver.Api;

public static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStatsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/stats", (SystemStatusReader reader) =>
            {
                var s = reader.Read();
                return TypedResults.Ok(new StatsDto(
                    s.IndexedEvents, s.EventsPerSec, s.TopicCounts, s.IndexSizeBytes, s.Lag,
                    s.BrokerState, s.Embedded, s.ClusterId,
                    new RetentionGapTotalsDto(s.RetentionGaps, s.MessagesLost),
                    s.Ingestion.BehindBy, s.Ingestion.BehindSince));
            })
            .WithTags("Stats");
        return routes;
    }
}
