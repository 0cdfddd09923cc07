using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Flows;

/// <summary>Where a message goes on the board: its lane (service, else topic) and its sticky (type within the lane).</summary>
internal static class FlowNaming
{
    public const string Untyped = "(untyped)";
    public const string ProjectionLaneId = "projections";

    private static readonly string[] DeadLetterSegments = ["dlt", "dlq", "deadletter", "deadletters", "deadletterqueue", "poison", "parkinglot"];
    private static readonly string[] FailureSuffixes = ["Failed", "Failure", "Error", "Errored", "Faulted", "Rejected"];

    /// <summary>A dead-letter copy is drawn in the lane of the dead-letter topic: the error handler put it there, not its original producer.</summary>
    public static FlowLane LaneOf(EventEnvelope e) =>
        e.DeadLetterOf is null && !string.IsNullOrWhiteSpace(e.Source)
            ? new FlowLane("source:" + e.Source, e.Source, ByTopic: false)
            : new FlowLane("topic:" + e.Topic, e.Topic, ByTopic: true);

    public static string TypeOf(EventEnvelope e) => string.IsNullOrWhiteSpace(e.MessageType) ? Untyped : e.MessageType;

    public static string NodeIdOf(EventEnvelope e, string laneId) =>
        $"msg:{laneId}|{TypeOf(e)}{(e.DeadLetterOf is null ? "" : "|dead-letter")}";

    public static string PolicyId(string triggerNodeId, string commandNodeId) => $"policy:{triggerNodeId}>{commandNodeId}";

    public static string ProjectionId(string name) => "projection:" + name;

    public static bool IsFailure(EventEnvelope e) =>
        e.DeadLetterOf is not null || IsDeadLetterTopic(e.Topic)
        || FailureSuffixes.Any(s => TypeOf(e).EndsWith(s, StringComparison.Ordinal));

    public static bool IsDeadLetterTopic(string topic)
    {
        var previousDead = false;
        foreach (var segment in topic.Split(['.', '-', '_', '/', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (DeadLetterSegments.Contains(segment, StringComparer.OrdinalIgnoreCase)
                || (previousDead && (segment.Equals("letter", StringComparison.OrdinalIgnoreCase) || segment.Equals("letters", StringComparison.OrdinalIgnoreCase))))
            {
                return true;
            }

            previousDead = segment.Equals("dead", StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }
}
