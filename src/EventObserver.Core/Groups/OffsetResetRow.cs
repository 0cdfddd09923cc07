namespace EventObserver.Core.Groups;

/// <summary>One partition of a reset: committed offset now, the new one, log end, and the lag the new one gives. <paramref name="Note"/> says why a value was clamped or could not be resolved.</summary>
public sealed record OffsetResetRow(string Topic, int Partition, long? CurrentOffset, long NewOffset, long LogEndOffset, long LagAfter, string? Note = null);
