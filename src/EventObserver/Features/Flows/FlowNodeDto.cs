namespace EventObserver.Features.Flows;

/// <summary>A sticky: <see cref="Kind"/> is <c>command</c>, <c>event</c>, <c>message</c>, <c>policy</c> or <c>projection</c>; <see cref="Lane"/> a lane id.</summary>
public sealed record FlowNodeDto(
    string Id,
    string Kind,
    string Label,
    string Lane,
    long Count,
    IReadOnlyList<string> Topics,
    bool Failure,
    bool DeadLetter,
    bool Unreacted,
    string? Trigger,
    string? Issues);
