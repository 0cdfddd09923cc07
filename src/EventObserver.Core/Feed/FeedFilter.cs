using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Feed;

/// <summary>
/// A live-feed filter, evaluated on the server. Every set part must match (AND); within
/// <see cref="Topics"/> any topic matches (OR). An empty filter matches everything.
/// </summary>
public sealed record FeedFilter
{
    public static readonly FeedFilter All = new();

    public IReadOnlyList<string> Topics { get; init; } = [];
    public MessageKind? Kind { get; init; }
    public string? Type { get; init; }
    public string? Key { get; init; }
    public string? CorrelationId { get; init; }
    public string? Source { get; init; }
    public string? HeaderName { get; init; }

    /// <summary>With <see cref="HeaderName"/>: the header's text value must equal this.</summary>
    public string? HeaderValue { get; init; }

    /// <summary>Free text over key, headers and payload: a scan, not an index lookup.</summary>
    public string? Text { get; init; }
}
