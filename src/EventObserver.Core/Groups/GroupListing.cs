namespace EventObserver.Core.Groups;

/// <summary>A group as a listing names it (before it is described).</summary>
public sealed record GroupListing(string GroupId, GroupState State, bool IsSimpleConsumerGroup);
