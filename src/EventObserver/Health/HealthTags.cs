namespace EventObserver.Health;

/// <summary>Which probe runs a health check: <c>/healthz/live</c> runs the <see cref="Live"/> ones, <c>/healthz/ready</c> the <see cref="Ready"/> ones.</summary>
public static class HealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";
}
