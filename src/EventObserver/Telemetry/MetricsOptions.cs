namespace EventObserver.Telemetry;

/// <summary><c>EventObserver:Metrics</c>: the Prometheus scrape endpoint and who may read it.</summary>
public sealed class MetricsOptions
{
    public const string Section = "EventObserver:Metrics";

    /// <summary>The scrape path.</summary>
    public const string Path = "/metrics";

    /// <summary>Collect metrics and answer <see cref="Path"/> in Prometheus text format. False: no meter provider, 404.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// True (default): anyone who reaches the port may scrape, as Prometheus expects (like <c>/healthz</c>). False: a
    /// Viewer who reads every topic (an API key for the scraper), because the labels name every topic.
    /// </summary>
    public bool AllowAnonymous { get; set; } = true;
}
