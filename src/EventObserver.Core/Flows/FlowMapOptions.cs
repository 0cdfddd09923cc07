using EventObserver.Core.Selection;

namespace EventObserver.Core.Flows;

/// <summary>Bounds for <see cref="FlowMapBuilder"/>.</summary>
public sealed record FlowMapOptions
{
    public const int DefaultMaxEvents = TimeWindow.MaxEvents;

    /// <summary>At most this many messages (the most recent of the window) are looked at.</summary>
    public int MaxEvents { get; init; } = DefaultMaxEvents;

    /// <summary>Example conversations kept per edge (the most recent ones).</summary>
    public int MaxExamples { get; init; } = 5;
}
