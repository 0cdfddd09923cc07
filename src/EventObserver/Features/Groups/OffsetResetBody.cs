namespace EventObserver.Features.Groups;

/// <summary>
/// The body of the offset preview and reset requests. <see cref="Target"/>: earliest, latest, time (needs
/// <see cref="Time"/>) or offset (needs <see cref="Offset"/>); <see cref="Topic"/> absent = every topic the group
/// committed on; <see cref="Partition"/> absent = every partition of the topic.
/// </summary>
public sealed record OffsetResetBody(string? Target, string? Topic = null, int? Partition = null, DateTimeOffset? Time = null, long? Offset = null);
