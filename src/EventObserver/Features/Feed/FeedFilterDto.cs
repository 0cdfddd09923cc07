using EventObserver.Core.Selection;

namespace EventObserver.Features.Feed;

/// <summary>
/// The filter a hub client subscribes with: the hub's wire contract, read into an <see cref="EventSelection"/>. Every
/// part is optional; set parts must all match, any listed topic matches. <see cref="Kind"/> is <c>Command</c>,
/// <c>Event</c> or <c>Message</c>; <see cref="Text"/> (at most <see cref="EventSelection.MaxTextLength"/> characters) is a
/// case-insensitive scan of key, text headers and the first 64 KB of the payload.
/// </summary>
public sealed record FeedFilterDto
{
    public string[]? Topics { get; init; }
    public string? Kind { get; init; }
    public string? Type { get; init; }
    public string? Key { get; init; }
    public string? CorrelationId { get; init; }
    public string? Source { get; init; }
    public string? HeaderName { get; init; }
    public string? HeaderValue { get; init; }
    public string? Text { get; init; }

    /// <summary>The selection; throws <see cref="ArgumentException"/> naming the bad part.</summary>
    public EventSelection ToSelection()
    {
        KindName? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            kind = KindName.TryParse(Kind, out var parsed, out var problem) ? parsed : throw new ArgumentException(problem, nameof(Kind));
        }

        return new EventSelection
        {
            Topics = [.. (Topics ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)],
            Kind = kind?.Kind,
            Type = Blank(Type),
            Key = Blank(Key),
            CorrelationId = Blank(CorrelationId),
            Source = Blank(Source),
            HeaderName = Blank(HeaderName),
            HeaderValue = Blank(HeaderValue),
            Text = Blank(Text),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
