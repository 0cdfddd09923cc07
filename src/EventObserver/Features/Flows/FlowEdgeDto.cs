namespace EventObserver.Features.Flows;

/// <summary>
/// Cause → effect between two stickies: <see cref="Kind"/> is <c>flow</c>, <c>intoPolicy</c>, <c>fromPolicy</c>,
/// <c>deadLetter</c> or <c>projection</c>; latencies in milliseconds (null without traffic, e.g. projections).
/// </summary>
public sealed record FlowEdgeDto(
    string Id,
    string From,
    string To,
    string Kind,
    long Count,
    long Inferred,
    long? P50Ms,
    long? P95Ms,
    IReadOnlyList<FlowExampleDto> Examples);
