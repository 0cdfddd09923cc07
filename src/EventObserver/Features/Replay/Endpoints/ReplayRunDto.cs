using System.Text.Json.Nodes;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>A replay run as the API shows it; <c>status</c> is running, paused, completed, failed or stopped.</summary>
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
