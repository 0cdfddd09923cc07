namespace EventObserver.Kafka.Demo;

/// <summary>What a demo consumer group is doing.</summary>
public enum DemoGroupState
{
    /// <summary>No consumer: the group has no members (an offset reset is allowed).</summary>
    Stopped,

    /// <summary>Consuming and committing.</summary>
    Running,

    /// <summary>A member with its partitions paused: it neither consumes nor commits, so its lag grows.</summary>
    Paused,
}
