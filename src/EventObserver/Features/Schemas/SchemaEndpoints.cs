using System.Globalization;

using EventObserver.Access;
using EventObserver.Core.Decoding.Schemas;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Schemas;

/// <summary>
/// <c>GET /api/schemas/{id}</c>: a schema by its registry id (the id in a Confluent frame), as the registry holds it, so
/// the event detail can link the schema a value was decoded with.
/// </summary>
public static class SchemaEndpoints
{
    public const string Route = "/api/schemas/{id:int}";

    /// <summary>The endpoint's address for one schema (relative to the app's base, like its other links).</summary>
    public static string Href(int id) => "api/schemas/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The schema page's address (<see cref="SchemaPage"/>), which the event detail links.</summary>
    public static string PageHref(int id) => "schemas/" + id.ToString(CultureInfo.InvariantCulture);

    public static IEndpointRouteBuilder MapSchemaEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet(Route, GetSchemaAsync)
            .WithTags("Schemas")
            .RequireAuthorization(AccessPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    /// <summary>A schema by its registry id.</summary>
    /// <remarks>
    /// The schema text, its format (Avro, Protobuf, or Json for JSON Schema), subject and version when the registry
    /// tells them, and the schemas it references (Protobuf imports, Avro named types) with their text.
    /// </remarks>
    /// <response code="200">The schema.</response>
    /// <response code="404">The registry has no schema with this id.</response>
    /// <response code="503">No schema registry is configured, or it cannot be reached now (<c>detail</c> says why).</response>
    public static async Task<Results<Ok<SchemaDto>, ProblemHttpResult>> GetSchemaAsync(int id, SchemaQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var lookup = await queries.LookupAsync(id, cancellationToken);
        if (lookup.Schema is { } schema)
        {
            return TypedResults.Ok(SchemaDto.From(schema));
        }

        return lookup.Status == DecodeStatus.UnknownSchema
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Schema not found",
                detail: lookup.Reason ?? $"The schema registry has no schema with id {id}.")
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Schema registry unavailable",
                detail: lookup.Reason ?? "The schema registry cannot be reached now.");
    }
}
