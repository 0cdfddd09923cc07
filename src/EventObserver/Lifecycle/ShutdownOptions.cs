namespace EventObserver.Lifecycle;

/// <summary>EventObserver:Shutdown: how long a SIGTERM (or Ctrl+C) may take before the process exits.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "EventObserver:Shutdown";

    /// <summary>
    /// The host's shutdown timeout. Ingestion writes queued batches for half of it (abandoning, uncommitted, what is left),
    /// replay runs stop between two events, and web connections are closed; the default keeps the exit under 5 s.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(4);
}
