namespace EventObserver.Kafka.Demo;

/// <summary>A demo consumer group at one moment: its state and how many commits it made since the app started.</summary>
public sealed record DemoGroupStatus(string GroupId, IReadOnlyList<string> Topics, bool IsSlow, DemoGroupState State, long Commits);
