using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Lineage;

/// <summary>Where a lineage view starts: one message (walk from it) or a correlation (the whole conversation).</summary>
public sealed record LineageStart(EventPosition? Event, string? CorrelationId)
{
    public static LineageStart ForEvent(EventPosition position) => new(position, null);

    public static LineageStart ForCorrelation(string correlationId) => new(null, correlationId);
}
