namespace EventObserver.Features.Groups;

/// <summary>
/// <c>GET /api/groups</c>: when the groups were last refreshed, how they were found (<see cref="Source"/>), an error of the
/// whole refresh (the previous groups are then shown), and the groups.
/// </summary>
public sealed record GroupListDto(DateTimeOffset? RefreshedAt, string Source, string? Error, GroupSummaryDto[] Groups);
