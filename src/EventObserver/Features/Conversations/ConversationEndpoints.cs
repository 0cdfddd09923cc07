using System.Globalization;

using EventObserver.Access;
using EventObserver.ApiDocs;
using EventObserver.Core.Conversations;
using EventObserver.Core.Selection;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Conversations;

/// <summary><c>/api/processes</c>: the monitored processes with their counts, and one process's conversations by status.</summary>
public static class ConversationEndpoints
{
    /// <summary><c>GET /api/processes</c> and <c>GET /api/processes/{name}/conversations?status=</c>.</summary>
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var processes = app.MapGroup("/api/processes").WithTags("Conversations");
        processes.MapGet("/", List)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithMetadata(new QueryParameterDoc(
                "window",
                $"How far back started, completed and failed are counted: {string.Join(", ", ConversationQueries.Windows.Select(w => w.Text))} or any duration up to {TimeWindow.Max.TotalDays:0} days such as 90s or 2h.")
            {
                Default = ConversationQueries.DefaultWindow.Text,
            });
        processes.MapGet("/{name}/conversations", Conversations)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithMetadata(new QueryParameterDoc("status", "Only conversations in this state; absent: stuck, then open.") { Allowed = ["stuck", "open", "completed", "failed"] })
            .WithMetadata(new QueryParameterDoc("limit", "Most conversations to return.", QueryParameterDoc.Integer)
            {
                Minimum = 1,
                Maximum = ConversationQueries.MaxLimit,
                Default = ConversationQueries.DefaultLimit,
            })
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The monitored processes: counts over the window, deadline, duration percentiles, stuck over time.</summary>
    /// <remarks>
    /// Each process: its start, done and failed types; the deadline in force (<c>withinSeconds</c>), where it comes from
    /// (<c>deadlineSource</c>: configured, suggested from the observed p99, or none yet) and in words (<c>deadline</c>);
    /// started, completed and failed within the window; open and stuck now; p50/p95 duration of completed ones; stuck
    /// over time. Also the tracker's state: <c>tracked</c> of <c>capacity</c> open conversations, <c>overflowed</c> dropped
    /// at the cap. Only processes whose every topic the caller may read. With monitoring off
    /// (<c>EventObserver:Monitoring:Enabled=false</c>), <c>enabled</c> is false, <c>note</c> says so and there are none.
    /// </remarks>
    /// <response code="200">The processes.</response>
    /// <response code="400"><c>window</c> is not a duration.</response>
    /// <returns>The processes.</returns>
    public static Results<Ok<ProcessListDto>, ValidationProblem> List(QueryValue<TimeWindow> window, ConversationQueries queries, ICurrentUser user)
    {
        if (window.Problem is not null)
        {
            return QueryProblems.Invalid(window.Problems);
        }

        var asked = window.ValueOr(ConversationQueries.DefaultWindow);
        var overview = queries.Overview(asked.Length, user.Access);
        return TypedResults.Ok(ConversationDtoMapper.ToList(overview, queries.Enabled, asked.Text, queries.Now, queries.SuggestAfterCompleted));
    }

    /// <summary>One process's conversations: stuck (oldest first) and open by default, or those of one status.</summary>
    /// <remarks>
    /// Each conversation: key (the correlation id), status, start, age, deadline, since when it is stuck, whether it
    /// completed late, message count, the newest message, where it stopped ("ShipOrder never answered by
    /// shipping-service"), the reaction expected next, and links to its lineage graph and the replay page. Completed and
    /// failed ones are kept for a bounded recent history only. Only conversations whose every topic the caller may read;
    /// a process the caller may not see answers like an unknown one (404), and so does any process while monitoring is off.
    /// </remarks>
    /// <param name="name">The process name.</param>
    /// <param name="status">stuck, open, completed or failed.</param>
    /// <param name="limit">Most conversations to return (1–1000, default 100).</param>
    /// <param name="queries">The conversations feature's queries.</param>
    /// <param name="user">The caller.</param>
    /// <response code="200">The conversations.</response>
    /// <response code="400"><c>status</c> or <c>limit</c> is invalid.</response>
    /// <response code="404">No such process (or not visible to the caller, or monitoring is off).</response>
    /// <returns>The conversations.</returns>
    public static Results<Ok<ConversationListDto>, ValidationProblem, ProblemHttpResult> Conversations(
        string name, string? status, string? limit, ConversationQueries queries, ICurrentUser user)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ConversationStatus? only = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (ConversationTexts.TryParseStatus(status.Trim(), out var parsed))
            {
                only = parsed;
            }
            else
            {
                problems["status"] = [ConversationTexts.StatusProblem];
            }
        }

        var most = ConversationQueries.DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out most) || most is < 1 or > ConversationQueries.MaxLimit))
        {
            problems["limit"] = [ConversationTexts.LimitProblem];
        }

        if (problems.Count > 0)
        {
            return QueryProblems.Invalid(problems);
        }

        if (!queries.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Conversation monitoring is off", detail: ConversationTexts.MonitoringOff);
        }

        if (queries.Conversations(name, only, most, user.Access) is not { } conversations)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Process not found", detail: $"No process '{name}' is known.");
        }

        var now = queries.Now;
        return TypedResults.Ok(new ConversationListDto(
            name, only is { } s ? ConversationTexts.Status(s) : null, most, [.. conversations.Select(c => ConversationDtoMapper.ToConversation(c, now))]));
    }
}
