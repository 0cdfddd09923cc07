namespace EventObserver.Core.Flows;

/// <summary>How one sticky leads to another on the flow map.</summary>
public enum FlowEdgeKind
{
    /// <summary>Messages of one type caused messages of the other.</summary>
    Flow = 0,

    /// <summary>An event into the policy that reacts to it.</summary>
    IntoPolicy = 1,

    /// <summary>A policy to the command it issues; carries the same counts as the edge into the policy.</summary>
    FromPolicy = 2,

    /// <summary>Messages of one type parked as dead letters.</summary>
    DeadLetter = 3,

    /// <summary>An event type into a saved projection that handles it (no traffic counts).</summary>
    Projection = 4,
}
