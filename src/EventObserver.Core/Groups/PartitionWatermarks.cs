namespace EventObserver.Core.Groups;

/// <summary>A partition's log start offset (oldest retained) and log end offset (next to be written).</summary>
public readonly record struct PartitionWatermarks(long Low, long High);
