namespace EventObserver.Features.Replay.Endpoints;

/// <summary>A projection error; the position and <c>link</c> are set when it happened at an event.</summary>
public sealed record ReplayErrorDto(
    string Kind,
    string Message,
    string? Topic,
    int? Partition,
    long? Offset,
    string? EventType,
    string? JsStack,
    int? Line,
    int? Column,
    string? PartitionKey,
    string? Link);
