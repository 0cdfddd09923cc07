namespace EventObserver.Kafka.Replay;

/// <summary>The headers a re-published copy gets on top of the original's.</summary>
public static class ReplayHeaders
{
    /// <summary>The original's position, <c>topic/partition/offset</c>.</summary>
    public const string ReplayOf = "x-replay-of";

    /// <summary>The replay run that sent the copy.</summary>
    public const string ReplayId = "x-replay-id";

    /// <summary>When the copy was sent, ISO-8601 UTC with milliseconds.</summary>
    public const string ReplayedAt = "x-replayed-at";
}
