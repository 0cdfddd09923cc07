using EventObserver.Core.Groups;

namespace EventObserver.Features.Groups;

/// <summary>
/// <c>GET /api/groups/{groupId}</c>. <see cref="MembersKnown"/> false means the broker cannot describe groups: then
/// <see cref="Members"/> is empty and means "not known", not "none".
/// </summary>
public sealed record GroupDetailDto(
    string GroupId,
    GroupState State,
    string? ProtocolType,
    string? Assignor,
    bool MembersKnown,
    GroupMemberDto[] Members,
    long TotalLag,
    double? MaxTimeLagSeconds,
    GroupTopicDto[] Topics,
    GroupPartitionDto[] Partitions,
    LagPointDto[] History,
    string? Error,
    string Source,
    DateTimeOffset? RefreshedAt);
