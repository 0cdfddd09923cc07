using Confluent.Kafka;

namespace EventObserver.Kafka.Demo;

/// <summary>A delivered demo message and the id the next message names as its causation.</summary>
internal sealed record SentMessage(string Id, DeliveryResult<byte[], byte[]> Delivered);
