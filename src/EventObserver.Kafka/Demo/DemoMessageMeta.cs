namespace EventObserver.Kafka.Demo;

/// <summary>What a demo service knows about a message it sends; the convention decides where it goes.</summary>
internal sealed record DemoMessageMeta(
    string Id,
    string Type,
    string Service,
    string OrderId,
    string CorrelationId,
    string? CausationId,
    DateTimeOffset Time);
