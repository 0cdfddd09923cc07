namespace EventObserver.Kafka.Configuration;

/// <summary>Bound from <c>EventObserver:Demo</c>.</summary>
public sealed class DemoOptions
{
    /// <summary>Null: on with the embedded broker, off with a real cluster.</summary>
    public bool? Enabled { get; set; }

    /// <summary>New orders started per second (each produces a chain of 6–12 messages).</summary>
    public double OrdersPerSecond { get; set; } = 1.0;

    /// <summary>Share of orders whose payment fails (routed on to the dead-letter topic at times).</summary>
    public double PaymentFailureRate { get; set; } = 0.15;

    /// <summary>
    /// With steady demo traffic, the shop's services also consume their topics through real consumer groups and commit
    /// (a small lag each), so the groups page and the topology have something to show.
    /// </summary>
    public bool ConsumerGroups { get; set; } = true;

    /// <summary>
    /// The demo's "analytics" group works like a batch job: it commits only events older than this, so it lags by about
    /// this long (in time) and by the messages of that span.
    /// </summary>
    public TimeSpan AnalyticsDelay { get; set; } = TimeSpan.FromSeconds(60);
}
