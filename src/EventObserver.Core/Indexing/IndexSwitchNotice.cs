namespace EventObserver.Core.Indexing;

/// <summary>Says that an index of another cluster was archived and a new one started.</summary>
public sealed record IndexSwitchNotice(string PreviousClusterId, string NewClusterId, string ArchivedTo, DateTimeOffset At);
