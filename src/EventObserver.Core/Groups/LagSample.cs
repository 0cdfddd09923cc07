namespace EventObserver.Core.Groups;

/// <summary>A group's total lag at one moment (the sparkline's points; sampled every refresh, kept for an hour).</summary>
public sealed record LagSample(DateTimeOffset At, long TotalLag, double? MaxTimeLagSeconds);
