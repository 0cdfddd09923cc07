namespace EventObserver.Features.Replay.Runs;

/// <summary>Marks a run as one side of a compare: both runs of one compare share <see cref="CompareId"/>.</summary>
/// <param name="CompareId">The compare's id, shared by its two runs.</param>
/// <param name="IsRight">False for the left side (started first), true for the right.</param>
public sealed record ReplayCompareTag(string CompareId, bool IsRight)
{
    public string Side => IsRight ? "right" : "left";
}
