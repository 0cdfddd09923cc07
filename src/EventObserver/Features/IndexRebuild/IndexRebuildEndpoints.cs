using EventObserver.Access;
using EventObserver.Features.Audit;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.IndexRebuild;

/// <summary><c>POST /api/admin/index/rebuild</c>.</summary>
public static class IndexRebuildEndpoints
{
    public const string Path = "/api/admin/index/rebuild";

    public static IEndpointRouteBuilder MapIndexRebuildEndpoints(this IEndpointRouteBuilder routes)
    {
        // Admin only: it throws the whole index away (archived) and makes every reader wait for Kafka to refill it.
        routes.MapPost(Path, Rebuild)
            .WithTags("Admin")
            .RequireAuthorization(AccessPolicies.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    /// <summary>Rebuilds the index from Kafka (e.g. after changing decoders or lineage mappings).</summary>
    /// <remarks>
    /// The current index file is moved to <c>archive/</c> and an empty index takes its place at once; ingestion fills it
    /// from the earliest offsets Kafka still has. Progress is in <c>/api/stats</c> (<c>rebuild</c>) and the status bar.
    /// Messages Kafka already deleted are not in the new index. Recorded in the audit log.
    /// </remarks>
    /// <response code="202">The rebuild started.</response>
    /// <returns>Where the old index went.</returns>
    public static Accepted<IndexRebuildDto> Rebuild(IndexRebuilder rebuilder, ICurrentUser user, HttpContext http)
    {
        var started = rebuilder.Start(AuditActor.Of(user.Access, http));
        return TypedResults.Accepted("/api/stats", started);
    }
}
