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
    /// Share of orders that stall: a step is never answered (two in three after <c>ShipOrder</c>, the shipping service;
    /// one in three after <c>ChargePayment</c>, the payment service), so conversation monitoring has stuck orders to show.
    /// Drawn beside <see cref="PaymentFailureRate"/> and <see cref="LateRate"/> (their sum is at most 1).
    /// </summary>
    public double StallRate { get; set; } = 0.03;

    /// <summary>
    /// Share of orders whose <c>OrderShipped</c> comes <see cref="LateDelay"/> after <c>ShipOrder</c>, after which the order
    /// completes normally (stuck first, then resolved). Kept well below 1 % so the p99-based deadline suggestion is set by
    /// normal orders.
    /// </summary>
    public double LateRate { get; set; } = 0.005;

    /// <summary>How long a late order's shipping service takes to answer.</summary>
    public TimeSpan LateDelay { get; set; } = TimeSpan.FromMinutes(3);

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
