using System.Globalization;

using EventObserver.Core.Selection;

namespace EventObserver.Features.Feed;

/// <summary>The set parts of a feed filter as short labels, for the collapsed filter panel ("type = PaymentFailed").</summary>
public static class FilterSummary
{
    public static IReadOnlyList<string> Parts(EventSelection filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parts = new List<string>();
        if (filter.Topics.Count > 0)
        {
            parts.Add("topics = " + string.Join(", ", filter.Topics));
        }

        Add(parts, "kind", filter.Kind?.ToString().ToLowerInvariant());
        Add(parts, "type", filter.Type);
        Add(parts, "key", filter.Key);
        Add(parts, "message id", filter.MessageId);
        Add(parts, "correlation", filter.CorrelationId);
        Add(parts, "causation", filter.CausationId);
        Add(parts, "source", filter.Source);
        if (!string.IsNullOrEmpty(filter.HeaderName))
        {
            parts.Add(filter.HeaderValue is null ? $"header {filter.HeaderName}" : $"header {filter.HeaderName} = {filter.HeaderValue}");
        }

        Add(parts, "text", filter.Text is null ? null : $"\"{filter.Text}\"");
        Add(parts, "from", filter.From?.ToString("u", CultureInfo.InvariantCulture));
        Add(parts, "to", filter.To?.ToString("u", CultureInfo.InvariantCulture));
        if (filter.Ranges.Count > 0)
        {
            parts.Add($"{filter.Ranges.Count} offset ranges");
        }

        return parts;
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name} = {value}");
        }
    }
}
