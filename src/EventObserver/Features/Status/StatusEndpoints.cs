using EventObserver.Kafka.Demo;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Status;

/// <summary><c>/healthz</c>, <c>/api/stats</c> and the demo traffic's <c>/api/demo</c>.</summary>
public static class StatusEndpoints
{
    public const int MaxBurstOrders = 10_000;

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", GetHealthAsync).WithTags("Health");
        routes.MapGet("/api/stats", GetStatsAsync).WithTags("Stats");
        routes.MapGet("/api/demo", (DemoTrafficGenerator demo) => TypedResults.Ok(ToDto(demo))).WithTags("Demo");
        routes.MapPost("/api/demo/burst", Burst)
            .WithTags("Demo")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>
    /// Always 200, with <c>status</c> "Degraded" and the <c>reasons</c> while the broker is unreachable or ingestion
    /// stalls, falls further behind or loses messages to retention: the app itself is fine and keeps serving its
    /// index, so an orchestrator must not restart it over that.
    /// </summary>
    private static async Task<Ok<HealthDto>> GetHealthAsync(StatusQueries queries, CancellationToken cancellationToken)
    {
        var s = await queries.ReadAsync(cancellationToken);
        return TypedResults.Ok(new HealthDto(
            s.Healthy ? "Healthy" : "Degraded",
            s.BrokerReachable, s.BrokerState, s.Lag, s.IndexSizeBytes, s.IndexedEvents,
            s.ClusterId, s.Embedded, s.LastError, s.LastErrorAt,
            s.Reasons, s.Reasons.Count == 0 ? null : string.Join("; ", s.Reasons),
            s.Ingestion.BehindBy, s.Ingestion.BehindSince));
    }

    private static async Task<Ok<StatsDto>> GetStatsAsync(StatusQueries queries, CancellationToken cancellationToken)
    {
        var s = await queries.ReadAsync(cancellationToken);
        return TypedResults.Ok(new StatsDto(
            s.IndexedEvents, s.EventsPerSec, s.TopicCounts, s.IndexSizeBytes, s.Lag,
            s.BrokerState, s.Embedded, s.ClusterId,
            new RetentionGapTotalsDto(s.RetentionGaps, s.MessagesLost),
            s.Ingestion.BehindBy, s.Ingestion.BehindSince));
    }

    /// <summary>Starts that many demo orders at once (e.g. to watch the index and the feed under load).</summary>
    private static Results<Accepted<DemoStatusDto>, ValidationProblem, ProblemHttpResult> Burst(int? orders, DemoTrafficGenerator demo)
    {
        if (!demo.IsEnabled)
        {
            return TypedResults.Problem(
                "Demo traffic is off (a real cluster is configured). Set EventObserver:Demo:Enabled=true to send demo traffic to it.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Demo traffic is disabled");
        }

        var count = orders ?? 100;
        if (count is < 1 or > MaxBurstOrders)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["orders"] = [$"orders must be between 1 and {MaxBurstOrders}."] });
        }

        demo.Burst(count);
        return TypedResults.Accepted("/api/demo", ToDto(demo));
    }

    private static DemoStatusDto ToDto(DemoTrafficGenerator demo) =>
        new(demo.IsEnabled, demo.OrdersStarted, demo.OrdersRunning, demo.MessagesProduced);
}
