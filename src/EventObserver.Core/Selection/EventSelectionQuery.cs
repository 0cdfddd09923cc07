using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace EventObserver.Core.Selection;

/// <summary>
/// Reads and writes an <see cref="EventSelection"/> as a URL query string, the same names for the feed page, the REST
/// API and replay selections, so one URL's query works on the others: <c>topic</c> (repeated, or comma-separated),
/// <c>kind</c>, <c>type</c>, <c>key</c>, <c>messageId</c>, <c>correlationId</c> (or <c>correlation</c>),
/// <c>causationId</c>, <c>source</c>, <c>header=name:value</c> (or just <c>name</c>: the header must be present),
/// <c>q</c> (free text), <c>from</c> and <c>to</c> (ISO-8601), <c>range=topic/partition/from-to</c> (repeated; see
/// <see cref="PartitionRange"/>) and <c>limit</c>. Names are case-insensitive; unknown names are ignored; a bad value
/// is left out and reported in <c>problems</c> under its parameter's name, with the selection's own
/// <see cref="EventSelection.Validate"/> problems.
/// </summary>
public static class EventSelectionQuery
{
    public const string Range = "range";

    public static EventSelection Parse(string? query) => Parse(query, out _);

    /// <param name="query">The query string, with or without its leading <c>?</c>.</param>
    /// <param name="problems">Problems by parameter name; empty when every part was usable.</param>
    /// <param name="maxLimit">The largest <c>limit</c> the caller takes.</param>
    public static EventSelection Parse(string? query, out Dictionary<string, string[]> problems, long maxLimit = long.MaxValue) =>
        Parse(Pairs(query), out problems, maxLimit);

    /// <summary>
    /// Like <see cref="Parse(string?, out Dictionary{string, string[]}, long)"/>, from parameters already apart (a JSON
    /// body's fields under the query string's names); blank values are left out.
    /// </summary>
    public static EventSelection Parse(
        IEnumerable<KeyValuePair<string, string?>> parameters, out Dictionary<string, string[]> problems, long maxLimit = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Parse(
            parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => (p.Key.ToLowerInvariant(), p.Value!.Trim())),
            out problems,
            maxLimit);
    }

    private static EventSelection Parse(IEnumerable<(string Name, string Value)> pairs, out Dictionary<string, string[]> problems, long maxLimit)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var topics = new List<string>();
        var ranges = new List<PartitionRange>();
        var selection = new EventSelection();
        foreach (var (name, value) in pairs)
        {
            switch (name)
            {
                case "topic":
                    topics.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Where(t => !topics.Contains(t, StringComparer.Ordinal)));
                    break;
                case "kind" when Read<KindName>("kind", value, found, out var kind):
                    selection = selection with { Kind = kind.Kind };
                    break;
                case "type": selection = selection with { Type = value }; break;
                case "key": selection = selection with { Key = value }; break;
                case "messageid": selection = selection with { MessageId = value }; break;
                case "correlationid" or "correlation": selection = selection with { CorrelationId = value }; break;
                case "causationid": selection = selection with { CausationId = value }; break;
                case "source": selection = selection with { Source = value }; break;
                case "header": selection = Header(selection, value, found); break;
                case "q" when value.Length > EventSelection.MaxTextLength:
                    Add(found, "q", $"q: {EventSelection.TooLong(value.Length)}");
                    break;
                case "q": selection = selection with { Text = value }; break;
                case "from": selection = selection with { From = Date("from", value, found) ?? selection.From }; break;
                case "to": selection = selection with { To = Date("to", value, found) ?? selection.To }; break;
                case Range when Read<PartitionRange>(Range, value, found, out var range):
                    ranges.Add(range);
                    break;
                case "limit" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit):
                    selection = selection with { Limit = limit };
                    break;
                case "limit":
                    Add(found, "limit", SelectionRules.LimitProblem(value, maxLimit));
                    break;
            }
        }

        selection = selection with { Topics = topics, Ranges = ranges };
        foreach (var (name, messages) in selection.Validate(maxLimit))
        {
            found.TryAdd(name, [.. messages]);
        }

        problems = found.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        return selection;
    }

    /// <summary>The query string (without a leading <c>?</c>) for <paramref name="selection"/>; empty for an empty selection.</summary>
    public static string ToQuery(EventSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var query = new StringBuilder();
        foreach (var topic in selection.Topics)
        {
            Append(query, "topic", topic);
        }

        Append(query, "kind", selection.Kind?.ToString());
        Append(query, "type", selection.Type);
        Append(query, "key", selection.Key);
        Append(query, "messageId", selection.MessageId);
        Append(query, "correlationId", selection.CorrelationId);
        Append(query, "causationId", selection.CausationId);
        Append(query, "source", selection.Source);
        if (!string.IsNullOrEmpty(selection.HeaderName))
        {
            Append(query, "header", string.IsNullOrEmpty(selection.HeaderValue) ? selection.HeaderName : $"{selection.HeaderName}:{selection.HeaderValue}");
        }

        Append(query, "q", selection.Text);
        Append(query, "from", Date(selection.From));
        Append(query, "to", Date(selection.To));
        foreach (var range in selection.Ranges)
        {
            Append(query, Range, range.ToString());
        }

        Append(query, "limit", selection.Limit?.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }

    /// <summary>Names lower-cased, values unescaped and trimmed; pairs without a value are left out.</summary>
    private static IEnumerable<(string Name, string Value)> Pairs(string? query)
    {
        foreach (var pair in (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Unescape(pair[(equals + 1)..]).Trim();
            if (value.Length > 0)
            {
                yield return (name.ToLowerInvariant(), value);
            }
        }
    }

    /// <summary>Reads a value by its type's rule; a bad one is left out and its problem kept under <paramref name="name"/>.</summary>
    private static bool Read<T>(string name, string value, Dictionary<string, List<string>> found, [MaybeNullWhen(false)] out T result)
        where T : IQueryValue<T>
    {
        if (T.TryParse(value, out result, out var problem))
        {
            return true;
        }

        Add(found, name, problem);
        return false;
    }

    private static EventSelection Header(EventSelection selection, string value, Dictionary<string, List<string>> found)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? value : value[..colon]).Trim();
        var headerValue = colon < 0 ? null : value[(colon + 1)..];
        if (name.Length == 0)
        {
            Add(found, "header", $"header '{value}' has no name (expected name:value)");
            return selection;
        }

        return selection with { HeaderName = name, HeaderValue = string.IsNullOrEmpty(headerValue) ? null : headerValue };
    }

    private static DateTimeOffset? Date(string name, string value, Dictionary<string, List<string>> found)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        Add(found, name, $"'{value}' is not a date; use ISO-8601, e.g. 2025-01-31T12:00:00Z.");
        return null;
    }

    // UTC with only the fractions it has: short, and read back to the same tick.
    private static string? Date(DateTimeOffset? date) =>
        date?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, List<string>> found, string name, string message)
    {
        if (!found.TryGetValue(name, out var messages))
        {
            found[name] = messages = [];
        }

        messages.Add(message);
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
