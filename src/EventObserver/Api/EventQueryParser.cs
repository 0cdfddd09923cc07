using System.Globalization;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Querying;

namespace EventObserver.Api;

/// <summary>Reads <c>GET /api/events</c> query parameters into an <see cref="EventQuery"/>, collecting every problem by parameter name.</summary>
public static class EventQueryParser
{
    public static EventQuery Parse(IQueryCollection query, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new EventQuery
        {
            Topic = Text(query, "topic"),
            Type = Text(query, "type"),
            Key = Text(query, "key"),
            CorrelationId = Text(query, "correlationId"),
            CausationId = Text(query, "causationId"),
            Kind = ParseKind(Text(query, "kind"), errors),
            From = ParseDate(query, "from", errors),
            To = ParseDate(query, "to", errors),
            Limit = ParseLimit(Text(query, "limit"), errors),
        };

        if (result is { From: { } from, To: { } to } && from > to)
        {
            errors["from"] = [$"'from' ({from:O}) is after 'to' ({to:O})."];
        }

        return result;
    }

    private static string? Text(IQueryCollection query, string name)
    {
        var value = query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static MessageKind? ParseKind(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        // Names only: Enum.TryParse would also accept "7" or "1,2".
        foreach (var name in Enum.GetNames<MessageKind>())
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse<MessageKind>(name);
            }
        }

        errors["kind"] = [$"'{value}' is not a kind; use one of {string.Join(", ", Enum.GetNames<MessageKind>())}."];
        return null;
    }

    private static DateTimeOffset? ParseDate(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var value = Text(query, name);
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        errors[name] = [$"'{value}' is not a date; use ISO-8601, e.g. 2025-01-31T12:00:00Z."];
        return null;
    }

    private static int ParseLimit(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return EventQuery.DefaultLimit;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= EventQuery.MaxLimit)
        {
            return limit;
        }

        errors["limit"] = [$"'{value}' is not a valid limit; use a whole number from 1 to {EventQuery.MaxLimit}."];
        return EventQuery.DefaultLimit;
    }
}
