namespace EventObserver.Kafka.Demo;

/// <summary>
/// One demo service that consumes: its consumer group (named like the service, the <c>source</c> its messages carry) and
/// the topics it reads. A slow group commits only events older than <see cref="Configuration.DemoOptions.AnalyticsDelay"/>;
/// a group with <paramref name="RetireAfter"/> is switched off that long after the start (its lag then grows, with no
/// members: the case an offset reset is for).
/// </summary>
public sealed record DemoServiceGroup(string GroupId, IReadOnlyList<string> Topics, bool IsSlow = false, TimeSpan? RetireAfter = null);
