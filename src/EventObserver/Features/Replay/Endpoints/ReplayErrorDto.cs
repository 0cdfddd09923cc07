namespace EventObserver.Features.Replay.Endpoints;

/// <summary>A projection error; the position and <c>link</c> are set when it happened at an event.</summary>
/// <param name="Kind"><c>compile</c>, <c>runtime</c>, <c>timeout</c>, <c>statementLimit</c>, <c>recursion</c>, <c>memory</c>,
/// <c>stateTooLarge</c>, <c>tooManyPartitions</c> or <c>memoryBudget</c>.</param>
/// <param name="JsStack">The JavaScript call stack when the engine gives one.</param>
/// <param name="Line">1-based line in the script, when known.</param>
/// <param name="Column">1-based column in the script, when known.</param>
/// <param name="PartitionKey">The partition being updated, for partitioned projections.</param>
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
