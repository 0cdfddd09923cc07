namespace EventObserver.Features.Replay.Runs;

/// <summary>Offsets of one partition of the selection's topic; a missing bound is open.</summary>
public sealed record ReplayPartitionRange(int Partition, long? FromOffset = null, long? ToOffset = null);
