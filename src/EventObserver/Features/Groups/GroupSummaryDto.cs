using EventObserver.Core.Groups;

namespace EventObserver.Features.Groups;

/// <summary>One group in <c>GET /api/groups</c>; <see cref="Members"/> is null where the broker cannot say.</summary>
public sealed record GroupSummaryDto(
    string GroupId,
    GroupState State,
    int? Members,
    long TotalLag,
    double? MaxTimeLagSeconds,
    string[] Topics,
    string? Error,
    LagPointDto[] Sparkline);
