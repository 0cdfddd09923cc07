namespace EventObserver.Core.Topology;

/// <summary>
/// How many messages one producer (the <c>source</c> a message names; null or blank when it names none) wrote to one
/// topic in the window read; <see cref="DeadLetters"/> of them carry dead-letter origin headers.
/// </summary>
public sealed record ProducerTopicCount(string? Source, string Topic, long Count, long DeadLetters = 0);
