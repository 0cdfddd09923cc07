namespace EventObserver.Core.Indexing;

/// <summary>
/// Says that an index was archived and a new one started: one of another cluster, or (with <paramref name="Reason"/>) an
/// unreadable file or a rebuild someone asked for, in which case the new index is being rebuilt from Kafka.
/// </summary>
/// <param name="Reason">Null for a cluster switch; else the one message that explains the archive and the rebuild.</param>
public sealed record IndexSwitchNotice(string PreviousClusterId, string NewClusterId, string ArchivedTo, DateTimeOffset At, string? Reason = null);
