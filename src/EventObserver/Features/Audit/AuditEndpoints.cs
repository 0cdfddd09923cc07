using System.Globalization;

using EventObserver.Access;
using EventObserver.ApiDocs;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Audit;

/// <summary><c>GET /api/audit</c>: the audit log, for Admins.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit", GetAuditAsync)
            .WithTags("Audit")
            .RequireAuthorization(AccessPolicies.Admin)
            .WithMetadata(
                new QueryParameterDoc("from", "Records at or after this time (ISO 8601, e.g. 2026-03-01T00:00:00Z).") { Format = "date-time" },
                new QueryParameterDoc("to", "Records at or before this time (ISO 8601); not before 'from'.") { Format = "date-time" },
                new QueryParameterDoc("action", "Only this action.") { Allowed = Enum.GetNames<AuditAction>() },
                new QueryParameterDoc("offset", "How many of the newest matches to skip (paging).", QueryParameterDoc.Integer) { Minimum = 0, Default = 0 },
                new QueryParameterDoc("limit", "How many records to return.", QueryParameterDoc.Integer)
                {
                    Minimum = 1, Maximum = AuditSearch.MaxLimit, Default = AuditSearch.DefaultLimit,
                });
        return routes;
    }

    /// <summary>The audit log, newest first: sign-ins, refusals, replay runs, dry runs, publishes, projection saves.</summary>
    /// <remarks>
    /// Every filter is optional and they apply together; <c>total</c> counts every match, <c>offset</c> and <c>limit</c>
    /// page through them. Records older than <c>Audit:RetentionDays</c> are gone. Admin role only.
    /// </remarks>
    /// <param name="from">Records at or after this time (ISO 8601).</param>
    /// <param name="to">Records at or before this time (ISO 8601).</param>
    /// <param name="actor">Only this user's (or API key's) records: the whole name, in any case.</param>
    /// <param name="action">Only this action.</param>
    /// <param name="q">Free text found in the actor, action, target, detail or address (any case).</param>
    /// <param name="offset">How many of the newest matches to skip.</param>
    /// <param name="limit">How many records to return.</param>
    /// <param name="http">The request.</param>
    /// <param name="user">The caller.</param>
    /// <param name="queries">The audit queries.</param>
    /// <param name="cancellationToken">Ends the read when the request is aborted.</param>
    /// <response code="200">The matching records, newest first, and their total.</response>
    /// <response code="400">A parameter is invalid (the problem names it).</response>
    public static async Task<Results<Ok<AuditListDto>, ValidationProblem>> GetAuditAsync(
        string? from, string? to, string? actor, string? action, string? q, int? offset, int? limit,
        HttpContext http, ICurrentUser user, AuditQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(queries);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fromTime = Time(from, "from", errors);
        var toTime = Time(to, "to", errors);
        if (fromTime > toTime)
        {
            errors["to"] = ["to must not be before from."];
        }

        AuditAction? parsedAction = null;
        if (!string.IsNullOrWhiteSpace(action))
        {
            if (Enum.TryParse<AuditAction>(action.Trim(), ignoreCase: true, out var known) && Enum.IsDefined(known) && !int.TryParse(action, out _))
            {
                parsedAction = known;
            }
            else
            {
                errors["action"] = [$"action must be one of {string.Join(", ", Enum.GetNames<AuditAction>())}."];
            }
        }

        if (offset < 0)
        {
            errors["offset"] = ["offset must be 0 or more."];
        }

        if (limit is < 1 or > AuditSearch.MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {AuditSearch.MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return QueryProblems.Invalid(errors);
        }

        var search = new AuditSearch
        {
            From = fromTime,
            To = toTime,
            Actor = string.IsNullOrWhiteSpace(actor) ? null : actor.Trim(),
            Action = parsedAction,
            Text = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            Offset = offset ?? 0,
            Limit = limit ?? AuditSearch.DefaultLimit,
        };
        return TypedResults.Ok(await queries.FindAsync(search, user.Access, cancellationToken));
    }

    private static DateTimeOffset? Time(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors[name] = [$"{name} must be a time such as 2026-03-01T12:00:00Z."];
        return null;
    }
}
