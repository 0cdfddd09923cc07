namespace EventObserver.Core.Groups;

/// <summary>What an <see cref="IConsumerGroupAdmin"/> can answer, and in words how it finds groups (shown on the page).</summary>
public sealed record GroupAdminCapabilities(bool CanListGroups, bool CanDescribeGroups, string Source);
