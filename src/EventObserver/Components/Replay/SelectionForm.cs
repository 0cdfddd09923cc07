using System.Globalization;

using EventObserver.Replay;

using Microsoft.AspNetCore.WebUtilities;

namespace EventObserver.Components.Replay;

/// <summary>
/// The editable fields of a <see cref="ReplaySelection"/>: feed-like filters, or a topic with one partition's
/// offset range. Read from the page URL (<c>?event=topic/partition/offset</c>, <c>?correlation=</c>, <c>?topic=</c>,
/// <c>?key=</c>, <c>?type=</c>).
/// </summary>
public sealed class SelectionForm
{
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

    public bool IsEmpty => ToSelection() == new ReplaySelection();

    public static SelectionForm FromUri(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Get(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        var form = new SelectionForm
        {
            Topic = Get("topic"),
            Type = Get("type"),
            Key = Get("key"),
            CorrelationId = Get("correlation") ?? Get("correlationId"),
        };
        if (Get("event") is { } position && TryParsePosition(position, out var topic, out var partition, out var offset))
        {
            // "Replay from here": that event and the rest of its partition.
            form.Topic = topic;
            form.Partition = partition;
            form.FromOffset = offset;
        }

        return form;
    }

    /// <summary>Parses <c>topic/partition/offset</c> (topic names cannot hold '/', but the split is from the end anyway).</summary>
    public static bool TryParsePosition(string text, out string topic, out int partition, out long offset)
    {
        topic = "";
        partition = 0;
        offset = 0;
        var parts = text.Split('/');
        return parts.Length >= 3
            && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out partition)
            && long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out offset)
            && !string.IsNullOrWhiteSpace(topic = string.Join('/', parts[..^2]));
    }

    public ReplaySelection ToSelection() => new()
    {
        Topic = Blank(Topic),
        Type = Blank(Type),
        Key = string.IsNullOrEmpty(Key) ? null : Key,
        CorrelationId = Blank(CorrelationId),
        From = Utc(From),
        To = Utc(To),
        Limit = Limit,
        Partitions = Partition is { } p ? [new ReplayPartitionRange(p, FromOffset, ToOffset)] : null,
    };

    public SelectionForm Copy() => (SelectionForm)MemberwiseClone();

    /// <summary>The form's fields as one line, for labels and lists.</summary>
    public static string Describe(ReplaySelection selection)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add($"{name} {value}");
            }
        }

        Add("topic", selection.Topic);
        Add("type", selection.Type);
        Add("key", selection.Key);
        Add("correlation", selection.CorrelationId);
        Add("from", selection.From?.ToString("u", CultureInfo.InvariantCulture));
        Add("to", selection.To?.ToString("u", CultureInfo.InvariantCulture));
        Add("limit", selection.Limit);
        foreach (var range in selection.Partitions ?? [])
        {
            parts.Add($"partition {range.Partition} offsets {range.FromOffset?.ToString(CultureInfo.InvariantCulture) ?? "start"}–{range.ToOffset?.ToString(CultureInfo.InvariantCulture) ?? "end"}");
        }

        return parts.Count == 0 ? "every indexed event" : string.Join(", ", parts);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset? Utc(DateTime? local) =>
        local is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
