namespace EventObserver.Health;

/// <summary>Bound from <c>EventObserver:Health</c>: how the readiness probe judges its dependencies.</summary>
public sealed class HealthProbeOptions
{
    public const string Section = "EventObserver:Health";

    /// <summary>
    /// How long the broker may be unreachable (or not yet reached since start) before <c>/healthz/ready</c> fails;
    /// until then it answers Degraded with HTTP 200, so a short broker blip does not take the dashboard out of service.
    /// </summary>
    public TimeSpan BrokerTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
