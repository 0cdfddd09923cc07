using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Graphs;

/// <summary>A neighbour found by the resolver: an indexed message, or a reference that is not indexed.</summary>
internal readonly record struct Relation(LineageEdgeKind Kind, EventEnvelope? Envelope, string? UnknownReference)
{
    public static Relation To(LineageEdgeKind kind, EventEnvelope envelope) => new(kind, envelope, null);

    public static Relation Missing(LineageEdgeKind kind, string reference) => new(kind, null, reference);

    public string NodeId => Envelope?.Id ?? LineageRules.UnknownId(UnknownReference!);
}
