namespace EventObserver.Features.Groups;

/// <summary>The answer of a preview (<see cref="Applied"/> false) or a reset (true): each partition's move and the lag after.</summary>
public sealed record OffsetResetDto(string GroupId, string Target, string Scope, bool Applied, OffsetResetRowDto[] Rows, long TotalLagAfter);
