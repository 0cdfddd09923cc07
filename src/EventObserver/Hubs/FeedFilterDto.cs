using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;

namespace EventObserver.Hubs;

/// <summary>
/// The filter a hub client subscribes with. Every part is optional; set parts must all match, any listed
/// topic matches. <see cref="Kind"/> is <c>Command</c>, <c>Event</c> or <c>Message</c>; <see cref="Text"/> (at most
/// <see cref="FeedFilter.MaxTextLength"/> characters) is a case-insensitive scan of key, text headers and the first
/// 64 KB of the payload.
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

    /// <summary>The core filter; throws <see cref="ArgumentException"/> naming the bad part.</summary>
    public FeedFilter ToFilter()
    {
        MessageKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (!Enum.TryParse<MessageKind>(Kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(Kind.Trim()[0]))
            {
                throw new ArgumentException($"kind '{Kind}' is not one of Command, Event, Message", nameof(Kind));
            }

            kind = parsed;
        }

        return new FeedFilter
        {
            Topics = [.. (Topics ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)],
            Kind = kind,
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
