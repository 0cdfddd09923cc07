using EventObserver.Core.Envelopes;

namespace EventObserver.Kafka.Replay;

/// <summary>One message a dry run would send: the original, where the copy would go, and its headers.</summary>
public sealed record PublishPreview(
    EventPosition Source,
    string TargetTopic,
    string? Type,
    string? Key,
    int ValueBytes,
    IReadOnlyList<EnvelopeHeader> Headers);
