namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Index writes are paused: the last write failed for want of disk space. The batch is kept and retried; ingestion
/// resumes from the index's checkpoints when space returns.
/// </summary>
/// <param name="Reason">E.g. "disk full: 3 MB free on /data".</param>
/// <param name="Since">When the first write failed.</param>
/// <param name="Attempts">Writes tried since (the first included).</param>
public sealed record IndexWritePause(string Reason, DateTimeOffset Since, int Attempts);
