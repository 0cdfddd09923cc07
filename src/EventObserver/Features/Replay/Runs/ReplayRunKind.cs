namespace EventObserver.Features.Replay.Runs;

public enum ReplayRunKind
{
    /// <summary>Events folded by a JavaScript projection in the sandbox.</summary>
    Projection = 0,

    /// <summary>Events re-published to a Kafka topic (or listed, for a dry run).</summary>
    Publish = 1,
}
