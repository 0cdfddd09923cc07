using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Masking;

/// <summary>
/// Applies the configured masking rules (<c>EventObserver:Masking:Rules</c>) to one event before it leaves the server
/// (or, with <c>Masking:AtIngest</c>, before it is written to the index).
/// </summary>
public interface IEventMasker
{
    /// <summary>True when at least one rule is configured; false lets hot paths skip masking entirely.</summary>
    bool HasRules { get; }

    /// <summary>True when a rule may apply to events of <paramref name="topic"/>.</summary>
    bool AppliesTo(string topic);

    /// <summary>
    /// The event as a user without the <c>Unmask</c> role sees it: payload and headers with every matching rule
    /// applied. Returns the same instance when no rule matched.
    /// </summary>
    EventEnvelope Mask(EventEnvelope envelope);
}
