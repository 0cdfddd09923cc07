namespace EventObserver.Kafka.Configuration;

/// <summary>How consumer groups are found.</summary>
public enum GroupDiscovery
{
    /// <summary>Known groups with the embedded broker (its mock cannot list groups), the admin API with a real cluster.</summary>
    Auto,

    /// <summary>Kafka's admin API: list, describe, committed offsets.</summary>
    AdminClient,

    /// <summary>Only the groups named in <see cref="GroupsOptions.Known"/> (and those this process runs): committed offsets, no descriptions. For clusters whose ACLs forbid listing groups.</summary>
    KnownGroups,
}
