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
}
