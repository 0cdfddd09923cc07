using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;

namespace EventObserver.Components.Feed;

/// <summary>The filter bar's editable fields; blank fields are unset parts of the <see cref="FeedFilter"/>.</summary>
public sealed class FilterForm
{
    public IReadOnlyCollection<string> Topics { get; set; } = [];
    public MessageKind? Kind { get; set; }
    public string? Type { get; set; }
    public string? Key { get; set; }
    public string? CorrelationId { get; set; }
    public string? Source { get; set; }
    public string? HeaderName { get; set; }
    public string? HeaderValue { get; set; }
    public string? Text { get; set; }

    public static FilterForm From(FeedFilter filter) => new()
    {
        Topics = [.. filter.Topics],
        Kind = filter.Kind,
        Type = filter.Type,
        Key = filter.Key,
        CorrelationId = filter.CorrelationId,
        Source = filter.Source,
        HeaderName = filter.HeaderName,
        HeaderValue = filter.HeaderValue,
        Text = filter.Text,
    };

    public FeedFilter ToFilter()
    {
        var headerName = Clean(HeaderName);
        return new FeedFilter
        {
            Topics = [.. Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Kind = Kind,
            Type = Clean(Type),
            Key = Clean(Key),
            CorrelationId = Clean(CorrelationId),
            Source = Clean(Source),
            HeaderName = headerName,
            // A value without a name cannot match anything meaningful: it is dropped.
            HeaderValue = headerName is null ? null : Clean(HeaderValue),
            Text = Clean(Text),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
