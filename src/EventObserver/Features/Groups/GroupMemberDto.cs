namespace EventObserver.Features.Groups;

/// <summary>A member of a group and its assigned partitions ("topic/partition").</summary>
public sealed record GroupMemberDto(string MemberId, string ClientId, string Host, string[] Assignment);
