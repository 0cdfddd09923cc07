namespace EventObserver.Kafka.Demo;

/// <summary>
/// One demo service that consumes: its consumer group (named like the service, the <c>source</c> its messages carry) and
/// the topics it reads. A slow group commits only events older than <see cref="Configuration.DemoOptions.AnalyticsDelay"/>.
/// </summary>
public sealed record DemoServiceGroup(string GroupId, IReadOnlyList<string> Topics, bool IsSlow = false);
