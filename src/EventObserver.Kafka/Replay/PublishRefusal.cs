namespace EventObserver.Kafka.Replay;

public enum PublishRefusal
{
    None = 0,

    /// <summary><c>Replay:AllowPublish</c> is not true.</summary>
    Disabled = 1,

    /// <summary>The target matches none of <c>Replay:AllowedTargets</c>.</summary>
    TargetNotAllowed = 2,

    /// <summary>The target is a topic the selection came from, without <c>confirmSameTopic</c>.</summary>
    SameTopicNeedsConfirmation = 3,

    /// <summary>Not a legal Kafka topic name.</summary>
    InvalidTarget = 4,
}
