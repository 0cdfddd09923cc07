using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Querying;

/// <summary>
/// A filter over indexed events. Every set property must match (AND). Results are newest first.
/// </summary>
public sealed record EventQuery
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    public string? Topic { get; init; }
    public string? Type { get; init; }
    public MessageKind? Kind { get; init; }
    public string? Key { get; init; }
    public string? MessageId { get; init; }
    public string? CorrelationId { get; init; }
    public string? CausationId { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Limit { get; init; } = DefaultLimit;
}
