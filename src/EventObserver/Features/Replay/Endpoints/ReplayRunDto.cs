using System.Text.Json.Nodes;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>A replay run as the API shows it; <c>status</c> is running, paused, completed, failed or stopped.</summary>
/// <param name="Kind"><c>projection</c> (folded in the sandbox) or <c>publish</c> (re-published to a topic).</param>
/// <param name="Status"><c>running</c>, <c>paused</c>, <c>completed</c>, <c>failed</c> or <c>stopped</c>.</param>
/// <param name="Processed">Events read so far.</param>
/// <param name="Total">Events the selection holds (after its limit).</param>
/// <param name="Applied">Events a handler ran for.</param>
/// <param name="Skipped">Events no handler matched (or whose partition key was null).</param>
/// <param name="Failed">Events that failed; with <c>onError: stop</c> the first one stops the run.</param>
/// <param name="Percent">Processed of total, 0 to 100.</param>
/// <param name="EventsPerSec">Average over the time the run was running (pauses excluded).</param>
/// <param name="EtaSeconds">At the current rate; null before a rate is known or when finished.</param>
/// <param name="State">The projection's state (partition key → state when partitioned); null for a publish and in lists.</param>
/// <param name="StateTruncated">True when <c>state</c> holds only the most recently updated partitions.</param>
/// <param name="Partitions">Partitions of a partitioned projection.</param>
/// <param name="Changes">How the state differs from the previous snapshot's (after a step: what the step changed); empty in lists.</param>
/// <param name="Message">Why the run failed when it was not a script error.</param>
/// <param name="Publish">For a publish run: its target and progress.</param>
public sealed record ReplayRunDto(
    string Id,
    string Kind,
    string Status,
    string? Label,
    long Processed,
    long Total,
    long Applied,
    long Skipped,
    long Failed,
    double Percent,
    double EventsPerSec,
    double? EtaSeconds,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    JsonNode? State,
    bool StateTruncated,
    int Partitions,
    IReadOnlyList<ReplayChangeDto> Changes,
    ReplayEventRefDto? LastEvent,
    IReadOnlyList<ReplayErrorDto> Errors,
    string? Message,
    ReplayPublishDto? Publish);
