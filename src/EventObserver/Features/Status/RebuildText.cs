using EventObserver.Components.Shared;
using EventObserver.Kafka.Ingestion;

namespace EventObserver.Features.Status;

/// <summary>How the status bar words a rebuild of the index from Kafka.</summary>
public static class RebuildText
{
    /// <summary>"rebuilding: 42 % of 3 topics"; "rebuilding: starting" until the broker reported what there is to catch up.</summary>
    public static string Short(RebuildProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.Partitions == 0 && !progress.Finished
            ? "rebuilding: starting"
            : $"rebuilding: {progress.Percent} % of {progress.Topics} {(progress.Topics == 1 ? "topic" : "topics")}";
    }

    public static string Title(RebuildProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return $"Rebuilding the index from the earliest offsets Kafka still has: {DisplayFormat.Count(progress.Indexed)} of {DisplayFormat.Count(progress.Target)} offsets in "
            + $"{progress.Partitions} partitions (what the topics held when the rebuild started)";
    }
}
