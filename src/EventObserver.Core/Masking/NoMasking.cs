using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Masking;

/// <summary>No rules: every event is returned as it is.</summary>
public sealed class NoMasking : IEventMasker
{
    public static NoMasking Instance { get; } = new();

    public bool HasRules => false;

    public bool AppliesTo(string topic) => false;

    public EventEnvelope Mask(EventEnvelope envelope) => envelope;
}
