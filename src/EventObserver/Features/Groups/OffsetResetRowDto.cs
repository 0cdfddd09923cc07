namespace EventObserver.Features.Groups;

/// <summary>One partition of a reset: committed offset now, the new one, the log end and the lag the new one gives.</summary>
public sealed record OffsetResetRowDto(string Topic, int Partition, long? CurrentOffset, long NewOffset, long LogEndOffset, long LagAfter, string? Note);
