namespace EventObserver.Configuration;

/// <summary>Bound from <c>EventObserver:Replay</c>.</summary>
public sealed class ReplayOptions
{
    public const string Section = ConfigurationSections.Root + ":Replay";

    /// <summary>Re-publishing to Kafka is off unless this is true (and the target matches <see cref="AllowedTargets"/>).</summary>
    public bool AllowPublish { get; set; }

    /// <summary>Regular expressions; a re-publish target must match one. Empty: no target is allowed.</summary>
    public List<string> AllowedTargets { get; set; } = [];

    /// <summary>
    /// The file of saved projections and the publish log. Empty: <c>projections.db</c> next to the index file,
    /// which the cluster switch does not archive.
    /// </summary>
    public string? ProjectionsPath { get; set; }

    /// <summary>Finished runs kept in memory (oldest dropped first); running and paused runs are always kept.</summary>
    public int MaxKeptRuns { get; set; } = 20;

    /// <summary>Runs that may be running or paused at once; more are refused.</summary>
    public int MaxActiveRuns { get; set; } = 4;

    /// <summary>
    /// Megabytes one projection run may keep alive between events (its state, script variables, closures and engine);
    /// a run over it is stopped. Replays use at most about <see cref="MaxActiveRuns"/> × this.
    /// </summary>
    public int MaxRunMemoryMb { get; set; } = 512;

    /// <summary>
    /// Wall-clock time one script call (init or one event) may take before the run fails with "took too long";
    /// tests on a loaded machine raise it so only the statement and memory limits stop hostile scripts.
    /// </summary>
    public TimeSpan ScriptTimeoutPerCall { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a fast run refreshes its state snapshot (and the diff from the previous one).</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Partitions shown in a state snapshot: a partitioned state with more shows the most recently updated ones
    /// (the page asks for any other by key).
    /// </summary>
    public int MaxSnapshotPartitions { get; set; } = 500;
}
