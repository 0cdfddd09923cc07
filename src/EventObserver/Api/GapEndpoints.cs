using EventObserver.Features.Topics;
using EventObserver.Monitoring;

namespace EventObserver.Api;

public static class GapEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapGapEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/gaps", (string? topic, int? limit, IndexStatisticsReader index) =>
            {
                if (limit is < 1 or > MaxLimit)
                {
                    return Results.ValidationProblem(
                        new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxLimit}."] },
                        detail: "One or more query parameters are invalid.");
                }

                return TypedResults.Ok(index.ReadGaps(string.IsNullOrEmpty(topic) ? null : topic, limit ?? DefaultLimit)
                    .Select(g => new RetentionGapDto(g.Topic, g.Partition, g.FirstOffset, g.LastOffset, g.Count, g.DetectedAt))
                    .ToArray());
            })
            .WithTags("Stats")
            .Produces<RetentionGapDto[]>()
            .ProducesValidationProblem();
        return routes;
    }
}
