using EventObserver.Access;
using EventObserver.ApiDocs;
using EventObserver.Kafka.Demo;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Status;

/// <summary><c>/healthz</c>, <c>/api/stats</c> and the demo traffic's <c>/api/demo</c>.</summary>
public static class StatusEndpoints
{
    public const int MaxBurstOrders = 10_000;
    public const int DefaultBurstOrders = 100;

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder routes)
    {
        // Anonymous: orchestrators and load balancers probe it without credentials; it names no topic or event.
        routes.MapGet("/healthz", GetHealthAsync).WithTags("Health").AllowAnonymous();
        routes.MapGet("/api/stats", GetStatsAsync).WithTags("Stats").RequireAuthorization(AccessPolicies.Viewer);
        routes.MapGet("/api/demo", GetDemo).WithTags("Demo").RequireAuthorization(AccessPolicies.Viewer);
        routes.MapPost("/api/demo/burst", Burst)
            .WithTags("Demo")
            .RequireAuthorization(AccessPolicies.Operator)
            .WithMetadata(new QueryParameterDoc("orders", "How many orders to start.", QueryParameterDoc.Integer)
            {
                Minimum = 1, Maximum = MaxBurstOrders, Default = DefaultBurstOrders,
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>Health of the broker connection, ingestion and index.</summary>
    /// <remarks>
    /// Always 200, with <c>status</c> "Degraded" and the <c>reasons</c> while the broker is unreachable or ingestion
    /// stalls, falls further behind or loses messages to retention: the app itself is fine and keeps serving its
    /// index, so an orchestrator must not restart it over that.
    /// </remarks>
    /// <returns>The health report.</returns>
    public static async Task<Ok<HealthDto>> GetHealthAsync(StatusQueries queries, ICurrentUser user, CancellationToken cancellationToken)
    {
        var s = await queries.ReadAsync(user.Access, cancellationToken);
        return TypedResults.Ok(new HealthDto(
            s.Healthy ? "Healthy" : "Degraded",
            s.BrokerReachable, s.BrokerState, s.Lag, s.IndexSizeBytes, s.IndexedEvents,
            s.ClusterId, s.Embedded, s.LastError, s.LastErrorAt,
            s.Reasons, s.Reasons.Count == 0 ? null : string.Join("; ", s.Reasons),
            s.Ingestion.BehindBy, s.Ingestion.BehindSince));
    }

    /// <summary>Index and ingestion figures: counts per topic, rate, index size, lag, broker state, retention gaps, GC pause time, rebuild progress.</summary>
    /// <remarks>
    /// <c>topics</c> holds the topics the caller may read; the totals are of the whole index (they name no topic).
    /// </remarks>
    /// <returns>The figures.</returns>
    public static async Task<Ok<StatsDto>> GetStatsAsync(StatusQueries queries, ICurrentUser user, CancellationToken cancellationToken)
    {
        var s = await queries.ReadAsync(user.Access, cancellationToken);
        return TypedResults.Ok(new StatsDto(
            s.IndexedEvents, s.EventsPerSec, s.TopicCounts, s.IndexSizeBytes, s.Lag,
            s.BrokerState, s.Embedded, s.ClusterId,
            new RetentionGapTotalsDto(s.RetentionGaps, s.MessagesLost),
            s.Ingestion.BehindBy, s.Ingestion.BehindSince,
            Math.Round(GC.GetTotalPauseDuration().TotalSeconds, 3), s.Rebuild));
    }

    /// <summary>The demo traffic's counters.</summary>
    /// <returns>Whether demo traffic runs, and the orders and messages it produced.</returns>
    public static Ok<DemoStatusDto> GetDemo(DemoTrafficGenerator demo) => TypedResults.Ok(ToDto(demo));

    /// <summary>Starts that many demo orders at once (e.g. to watch the index and the feed under load).</summary>
    /// <param name="orders">How many orders to start.</param>
    /// <param name="demo">The demo traffic.</param>
    /// <response code="202">The burst started; the counters.</response>
    /// <response code="400"><c>orders</c> is out of range.</response>
    /// <response code="409">Demo traffic is off (a real cluster is configured).</response>
    public static Results<Accepted<DemoStatusDto>, ValidationProblem, ProblemHttpResult> Burst(
        int? orders, DemoTrafficGenerator demo)
    {
        if (!demo.IsEnabled)
        {
            return TypedResults.Problem(
                "Demo traffic is off (a real cluster is configured). Set EventObserver:Demo:Enabled=true to send demo traffic to it.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Demo traffic is disabled");
        }

        var count = orders ?? DefaultBurstOrders;
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
