namespace EventObserver.Kafka.Configuration;

/// <summary>Bound from <c>EventObserver:Groups</c>.</summary>
public sealed class GroupsOptions
{
    public bool Enabled { get; set; } = true;

    public GroupDiscovery Discovery { get; set; } = GroupDiscovery.Auto;

    /// <summary>Group ids always shown (and the only ones with <see cref="GroupDiscovery.KnownGroups"/>).</summary>
    public List<string> Known { get; set; } = [];

    /// <summary>How often lag is sampled (the sparkline's resolution).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long lag samples are kept (across restarts).</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Timeout of each admin request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Offset resets (Admin only, audited, groups without members only). Off by default.</summary>
    public bool AllowOffsetReset { get; set; }
}
