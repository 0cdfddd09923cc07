namespace EventObserver.Core.Envelopes;

/// <summary>The original position of a dead-lettered message (Spring DLT or Kafka Connect DLQ headers).</summary>
public sealed record DeadLetterOrigin(string Topic, int? Partition, long? Offset, string? Error);
