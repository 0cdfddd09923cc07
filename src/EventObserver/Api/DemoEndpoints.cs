using EventObserver.Features.Status;
using EventObserver.Kafka.Demo;

namespace EventObserver.Api;

/// <summary>The demo traffic's state, and bursts on request (e.g. to watch the index and the feed under load).</summary>
public static class DemoEndpoints
{
    public const int MaxBurstOrders = 10_000;

    public static IEndpointRouteBuilder MapDemoEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/demo", (DemoTrafficGenerator demo) => TypedResults.Ok(ToDto(demo)))
            .WithTags("Demo");

        routes.MapPost("/api/demo/burst", IResult (int? orders, DemoTrafficGenerator demo) =>
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
            })
            .WithTags("Demo")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static DemoStatusDto ToDto(DemoTrafficGenerator demo) =>
        new(demo.IsEnabled, demo.OrdersStarted, demo.OrdersRunning, demo.MessagesProduced);
}
