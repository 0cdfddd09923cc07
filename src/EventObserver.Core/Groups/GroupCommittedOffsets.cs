using EventObserver.Core.Indexing;

namespace EventObserver.Core.Groups;

/// <summary>A group's committed offsets (the next offset it will consume), or why they could not be read.</summary>
public sealed record GroupCommittedOffsets(string GroupId, IReadOnlyDictionary<TopicPartitionKey, long> Offsets, string? Error = null);
