using EventObserver.Access;
using EventObserver.ApiDocs;
using EventObserver.Core.Groups;
using EventObserver.Features.Audit;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Groups;

/// <summary><c>/api/groups</c>: consumer groups with their lag, one group in detail, and the offset preview and reset.</summary>
public static class GroupEndpoints
{
    public static IEndpointRouteBuilder MapGroupEndpoints(this IEndpointRouteBuilder routes)
    {
        var groups = routes.MapGroup("/api/groups").WithTags("Consumer groups");
        groups.MapGet("/", List)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithMetadata(new QueryParameterDoc("sort", "Order: name, lag, timeLag or state.") { Allowed = ["name", "lag", "timeLag", "state"] })
            .WithMetadata(new QueryParameterDoc("desc", "Descending order (true/false).") { Allowed = ["true", "false"] })
            .WithMetadata(new QueryParameterDoc("q", "Part of the group id (case-insensitive)."))
            .WithMetadata(new QueryParameterDoc("state", "Only groups in this state.") { Allowed = [.. Enum.GetNames<GroupState>()] })
            .WithMetadata(new QueryParameterDoc("lagging", "Only groups with lag in messages (true/false).") { Allowed = ["true", "false"] });
        groups.MapGet("/{groupId}", Get)
            .RequireAuthorization(AccessPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // Admin only: moving a group's offsets makes its consumers skip or re-process messages when they start again.
        groups.MapPost("/{groupId}/offsets/preview", PreviewAsync)
            .RequireAuthorization(AccessPolicies.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        groups.MapPost("/{groupId}/offsets/reset", ResetAsync)
            .RequireAuthorization(AccessPolicies.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>Every consumer group with its state, members, total lag, largest time lag, topics and lag over the last hour.</summary>
    /// <remarks>
    /// Only the partitions of topics the caller may read count; a group with none of them is left out. <c>source</c> says
    /// how groups were found (the embedded broker cannot list groups: there, groups are known by name).
    /// </remarks>
    /// <param name="q">Part of the group id (case-insensitive).</param>
    /// <param name="state">Only groups in this state.</param>
    /// <param name="lagging">Only groups with lag in messages.</param>
    /// <param name="sort">name (default), lag, timeLag or state.</param>
    /// <param name="desc">Descending order.</param>
    /// <param name="queries">The groups feature's queries.</param>
    /// <param name="user">The caller.</param>
    /// <response code="200">The groups.</response>
    /// <response code="400">A parameter is invalid.</response>
    /// <returns>The groups.</returns>
    public static Results<Ok<GroupListDto>, ValidationProblem> List(
        string? q, string? state, bool? lagging, string? sort, bool? desc, GroupQueries queries, ICurrentUser user)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var order = GroupSort.Name;
        if (sort is { Length: > 0 } && (!Enum.TryParse(sort, ignoreCase: true, out order) || !Enum.IsDefined(order) || char.IsDigit(sort[0])))
        {
            problems["sort"] = ["sort must be name, lag, timeLag or state."];
        }

        GroupState? only = null;
        if (state is { Length: > 0 })
        {
            if (Enum.TryParse<GroupState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(state[0]))
            {
                only = parsed;
            }
            else
            {
                problems["state"] = [$"state must be one of {string.Join(", ", Enum.GetNames<GroupState>())}."];
            }
        }

        if (problems.Count > 0)
        {
            return QueryProblems.Invalid(problems);
        }

        var snapshot = queries.Snapshot(user.Access);
        var shown = new GroupFilter(q, only, lagging ?? false, order, desc ?? false).Apply(snapshot.Groups);
        return TypedResults.Ok(GroupDtoMapper.ToList(snapshot, shown, id => queries.History(id, user.Access)));
    }

    /// <summary>One consumer group: members, per-topic and per-partition lag (messages and time), lag history.</summary>
    /// <remarks>
    /// Each partition: committed offset, log end offset, lag, time lag (now minus the timestamp of the first uncommitted
    /// event, read from the index) and <c>status</c> in words ("first uncommitted event no longer indexed"). Members are
    /// not known (<c>membersKnown</c> false) where the broker cannot describe groups. Only topics the caller may read; the
    /// history only for a caller who reads every topic of the group.
    /// </remarks>
    /// <param name="groupId">The group id.</param>
    /// <param name="queries">The groups feature's queries.</param>
    /// <param name="user">The caller.</param>
    /// <response code="200">The group.</response>
    /// <response code="404">No such group (or none of its topics is readable for the caller).</response>
    /// <returns>The group.</returns>
    public static Results<Ok<GroupDetailDto>, ProblemHttpResult> Get(string groupId, GroupQueries queries, ICurrentUser user)
    {
        if (queries.Find(groupId, user.Access) is not { } group)
        {
            return NotFound(groupId);
        }

        return TypedResults.Ok(GroupDtoMapper.ToDetail(group, queries.History(groupId, user.Access), queries.Snapshot(user.Access)));
    }

    /// <summary>What an offset reset would write, and the lag after it; writes nothing.</summary>
    /// <remarks>
    /// Body: <c>target</c> earliest, latest, time (with <c>time</c>, resolved through the index) or offset (with
    /// <c>offset</c>, clamped to the retained range); <c>topic</c> (every topic when absent) and <c>partition</c> (every
    /// partition when absent). 409 with the reason when refused: resets off (<c>EventObserver:Groups:AllowOffsetReset</c>),
    /// the group has active members or its members cannot be known.
    /// </remarks>
    /// <response code="200">The rows: current → new offset, log end, lag after.</response>
    /// <response code="400">The body is invalid.</response>
    /// <response code="404">No such group.</response>
    /// <response code="409">Refused; <c>detail</c> says why.</response>
    /// <returns>The preview.</returns>
    public static Task<Results<Ok<OffsetResetDto>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        string groupId, OffsetResetBody? body, GroupQueries queries, ICurrentUser user, CancellationToken cancellationToken) =>
        RunAsync(groupId, body, (request, ct) => queries.PreviewAsync(request, user.Access, ct), cancellationToken);

    /// <summary>Moves a group's committed offsets (the group must have no active members).</summary>
    /// <remarks>
    /// The same body and rules as the preview; writes what the preview shows and answers with what was written. Off by
    /// default (<c>EventObserver:Groups:AllowOffsetReset</c>). Recorded in the audit log (group, scope, target, rows),
    /// refusals too.
    /// </remarks>
    /// <response code="200">The rows written.</response>
    /// <response code="400">The body is invalid.</response>
    /// <response code="404">No such group.</response>
    /// <response code="409">Refused; <c>detail</c> says why.</response>
    /// <returns>What was written.</returns>
    public static Task<Results<Ok<OffsetResetDto>, ValidationProblem, ProblemHttpResult>> ResetAsync(
        string groupId, OffsetResetBody? body, GroupQueries queries, ICurrentUser user, HttpContext http, CancellationToken cancellationToken) =>
        RunAsync(groupId, body, (request, ct) => queries.ApplyAsync(request, user.Access, AuditActor.Of(user.Access, http), ct), cancellationToken);

    private static async Task<Results<Ok<OffsetResetDto>, ValidationProblem, ProblemHttpResult>> RunAsync(
        string groupId, OffsetResetBody? body, Func<OffsetResetRequest, CancellationToken, Task<OffsetResetOutcome>> run, CancellationToken cancellationToken)
    {
        if (!TryRead(groupId, body, out var request, out var problems))
        {
            return TypedResults.ValidationProblem(problems, detail: string.Join(" ", problems.Values.SelectMany(v => v)));
        }

        var outcome = await run(request, cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound(groupId);
        }

        return outcome.Refusal is { } refusal
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Offset reset refused", detail: refusal)
            : TypedResults.Ok(GroupDtoMapper.ToReset(request, outcome));
    }

    /// <summary>The request a body asks for, or its problems by field (an unknown target, a missing time or offset).</summary>
    public static bool TryRead(string groupId, OffsetResetBody? body, out OffsetResetRequest request, out Dictionary<string, string[]> problems)
    {
        request = new OffsetResetRequest(groupId, OffsetResetTarget.Earliest);
        problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body?.Target is not { Length: > 0 } text
            || char.IsDigit(text[0])
            || !Enum.TryParse<OffsetResetTarget>(text, ignoreCase: true, out var target)
            || !Enum.IsDefined(target))
        {
            problems["target"] = ["target must be earliest, latest, time or offset."];
            return false;
        }

        request = new OffsetResetRequest(groupId, target, string.IsNullOrWhiteSpace(body.Topic) ? null : body.Topic, body.Partition, body.Time, body.Offset);
        problems = GroupQueries.Validate(request);
        return problems.Count == 0;
    }

    private static ProblemHttpResult NotFound(string groupId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Group not found", detail: $"No consumer group '{groupId}' is known.");
}
