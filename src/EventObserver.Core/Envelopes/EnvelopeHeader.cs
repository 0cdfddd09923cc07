namespace EventObserver.Core.Envelopes;

/// <summary>A Kafka header. The value is kept as raw bytes (it may be null or binary).</summary>
public sealed record EnvelopeHeader(string Key, byte[]? Value);
