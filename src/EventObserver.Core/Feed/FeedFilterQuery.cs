using System.Text;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Feed;

/// <summary>
/// Reads and writes a <see cref="FeedFilter"/> as a URL query string, so a view can be shared:
/// <c>topic</c> (repeated, or comma-separated), <c>kind</c>, <c>type</c>, <c>key</c>, <c>correlationId</c>,
/// <c>source</c>, <c>header=name:value</c> (or just <c>name</c>: the header must be present) and <c>q</c> (free text).
/// Names are case-insensitive; unknown names are ignored; a bad value is left out and reported in <c>problems</c>.
/// </summary>
public static class FeedFilterQuery
{
    public static FeedFilter Parse(string? query) => Parse(query, out _);

    public static FeedFilter Parse(string? query, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        if (string.IsNullOrWhiteSpace(query))
        {
            return FeedFilter.All;
        }

        var topics = new List<string>();
        var filter = new FeedFilter();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Unescape(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Unescape(pair[(equals + 1)..]).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            switch (name.ToLowerInvariant())
            {
                case "topic":
                    topics.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Where(t => !topics.Contains(t, StringComparer.Ordinal)));
                    break;
                case "kind" when Enum.TryParse<MessageKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !char.IsDigit(value[0]):
                    filter = filter with { Kind = kind };
                    break;
                case "kind":
                    found.Add($"kind '{value}' is not one of Command, Event, Message");
                    break;
                case "type":
                    filter = filter with { Type = value };
                    break;
                case "key":
                    filter = filter with { Key = value };
                    break;
                case "correlationid":
                    filter = filter with { CorrelationId = value };
                    break;
                case "source":
                    filter = filter with { Source = value };
                    break;
                case "header":
                    var colon = value.IndexOf(':');
                    var headerName = (colon < 0 ? value : value[..colon]).Trim();
                    var headerValue = colon < 0 ? null : value[(colon + 1)..];
                    if (headerName.Length == 0)
                    {
                        found.Add($"header '{value}' has no name (expected name:value)");
                        break;
                    }

                    filter = filter with { HeaderName = headerName, HeaderValue = string.IsNullOrEmpty(headerValue) ? null : headerValue };
                    break;
                case "q" when value.Length > FeedFilter.MaxTextLength:
                    found.Add($"q: {FeedFilter.TooLong(value.Length)}");
                    break;
                case "q":
                    filter = filter with { Text = value };
                    break;
            }
        }

        return topics.Count == 0 ? filter : filter with { Topics = topics };
    }

    /// <summary>The query string (without a leading <c>?</c>) for <paramref name="filter"/>; empty for an empty filter.</summary>
    public static string ToQuery(FeedFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new StringBuilder();
        foreach (var topic in filter.Topics)
        {
            Append(query, "topic", topic);
        }

        Append(query, "kind", filter.Kind?.ToString());
        Append(query, "type", filter.Type);
        Append(query, "key", filter.Key);
        Append(query, "correlationId", filter.CorrelationId);
        Append(query, "source", filter.Source);
        if (!string.IsNullOrEmpty(filter.HeaderName))
        {
            Append(query, "header", string.IsNullOrEmpty(filter.HeaderValue) ? filter.HeaderName : $"{filter.HeaderName}:{filter.HeaderValue}");
        }

        Append(query, "q", filter.Text);
        return query.ToString();
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static string Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
