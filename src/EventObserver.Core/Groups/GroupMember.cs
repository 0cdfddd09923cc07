using EventObserver.Core.Indexing;

namespace EventObserver.Core.Groups;

/// <summary>One member of a consumer group and the partitions assigned to it.</summary>
public sealed record GroupMember(string MemberId, string ClientId, string Host, IReadOnlyList<TopicPartitionKey> Assignment);
