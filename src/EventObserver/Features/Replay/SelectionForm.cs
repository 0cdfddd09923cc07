using System.Globalization;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.WebUtilities;

namespace EventObserver.Features.Replay;

/// <summary>
/// The editable fields of a replay's <see cref="EventSelection"/>: feed-like filters, or topics with one partition's
/// offset range. Read from the page URL with the feed's and the API's names (<see cref="EventSelectionQuery"/>: a feed
/// URL's query selects the same events here), plus <c>?event=topic/partition/offset</c> ("replay from here"). Parts
/// the form has no field for (kind, ids, source, header, free text, further ranges) are kept as they came.
/// </summary>
public sealed class SelectionForm
{
    private EventSelection _rest = EventSelection.All;

    /// <summary>One topic, or several separated by commas.</summary>
    public string? Topic { get; set; }
    public string? Type { get; set; }
    public string? Key { get; set; }
    public string? CorrelationId { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public long? Limit { get; set; }
    public int? Partition { get; set; }
    public long? FromOffset { get; set; }
    public long? ToOffset { get; set; }

    public bool IsEmpty => ToSelection() == EventSelection.All;

    public static SelectionForm FromUri(string uri)
    {
        var query = new Uri(uri).Query;
        var selection = EventSelectionQuery.Parse(query);
        var form = new SelectionForm
        {
            Topic = selection.Topics.Count == 0 ? null : string.Join(',', selection.Topics),
            Type = selection.Type,
            Key = selection.Key,
            CorrelationId = selection.CorrelationId,
            From = selection.From?.UtcDateTime,
            To = selection.To?.UtcDateTime,
            Limit = selection.Limit,
        };
        var ranges = selection.Ranges;
        if (QueryHelpers.ParseQuery(query).TryGetValue("event", out var position) && EventPosition.TryParse(position.ToString(), out var start))
        {
            // "Replay from here": that event and the rest of its partition.
            form.Topic = start.Topic;
            ranges = [new PartitionRange(start.Topic, start.Partition, start.Offset)];
        }

        if (ranges is [var only] && (form.Topic is null || form.Topic == only.Topic))
        {
            form.Topic = only.Topic;
            (form.Partition, form.FromOffset, form.ToOffset) = (only.Partition, only.FromOffset, only.ToOffset);
            ranges = [];
        }

        form._rest = selection with { Ranges = ranges };
        return form;
    }

    public EventSelection ToSelection()
    {
        var topics = (Topic ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        IEnumerable<PartitionRange> ranges = Partition is { } p
            ? topics.Count == 0 ? [new PartitionRange("", p, FromOffset, ToOffset)] : topics.Select(t => new PartitionRange(t, p, FromOffset, ToOffset))
            : [];
        return _rest with
        {
            Topics = topics,
            Type = Blank(Type),
            Key = string.IsNullOrEmpty(Key) ? null : Key,
            CorrelationId = Blank(CorrelationId),
            From = Utc(From),
            To = Utc(To),
            Limit = Limit,
            Ranges = [.. _rest.Ranges, .. ranges],
        };
    }

    public SelectionForm Copy() => (SelectionForm)MemberwiseClone();

    /// <summary>The selection's parts as one line, for labels and lists.</summary>
    public static string Describe(EventSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add($"{name} {value}");
            }
        }

        Add(selection.Topics.Count > 1 ? "topics" : "topic", selection.Topics.Count == 0 ? null : string.Join(", ", selection.Topics));
        Add("kind", selection.Kind);
        Add("type", selection.Type);
        Add("key", selection.Key);
        Add("message", selection.MessageId);
        Add("correlation", selection.CorrelationId);
        Add("causation", selection.CausationId);
        Add("source", selection.Source);
        Add("header", selection.HeaderName is null ? null : selection.HeaderValue is null ? selection.HeaderName : $"{selection.HeaderName}: {selection.HeaderValue}");
        Add("text", selection.Text is null ? null : $"\"{selection.Text}\"");
        Add("from", selection.From?.ToString("u", CultureInfo.InvariantCulture));
        Add("to", selection.To?.ToString("u", CultureInfo.InvariantCulture));
        Add("limit", selection.Limit);
        foreach (var range in selection.Ranges)
        {
            var of = selection.Topics.Count == 1 && range.Topic == selection.Topics[0] ? "" : $"{range.Topic} ";
            parts.Add($"{of}partition {range.Partition} offsets {range.FromOffset?.ToString(CultureInfo.InvariantCulture) ?? "start"}–{range.ToOffset?.ToString(CultureInfo.InvariantCulture) ?? "end"}");
        }

        return parts.Count == 0 ? "every indexed event" : string.Join(", ", parts);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset? Utc(DateTime? local) =>
        local is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
