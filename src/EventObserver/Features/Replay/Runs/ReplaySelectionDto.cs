using EventObserver.Core.Selection;

namespace EventObserver.Features.Replay.Runs;

/// <summary>
/// A replay selection as JSON (<c>POST /api/replays</c>, <c>/count</c>, the publish log), read into an
/// <see cref="EventSelection"/>: any subset of <c>topic</c>, <c>type</c>, <c>kind</c>, <c>key</c>, <c>correlationId</c>,
/// <c>causationId</c>, <c>from</c>, <c>to</c>, <c>limit</c> and <c>partitions</c> (offset ranges of <c>topic</c>), plus
/// the query string's other parts under the same names (<c>topics</c>, <c>messageId</c>, <c>source</c>, <c>header</c>,
/// <c>q</c>). Events are replayed oldest first; with <c>limit</c>, only the newest that many.
/// </summary>
public sealed record ReplaySelectionDto
{
    /// <summary>One topic; <c>partitions</c> ranges apply to it.</summary>
    public string? Topic { get; init; }

    /// <summary>Several topics, together with <c>topic</c>.</summary>
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>The message type, e.g. <c>OrderPlaced</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>message</c>, <c>command</c> or <c>event</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>The Kafka record key.</summary>
    public string? Key { get; init; }
    public string? MessageId { get; init; }
    public string? CorrelationId { get; init; }
    public string? CausationId { get; init; }
    public string? Source { get; init; }

    /// <summary><c>name</c> (the header must be present) or <c>name:value</c>, as in the query string.</summary>
    public string? Header { get; init; }

    /// <summary>Free text, as <c>q</c> in the query string.</summary>
    public string? Q { get; init; }

    /// <summary>Events at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Events at or before this time; not before <c>from</c>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only the newest that many (at least 1); null: every match.</summary>
    public long? Limit { get; init; }

    /// <summary>Offset ranges of partitions of the one topic; an event must be in one of them.</summary>
    public IReadOnlyList<ReplayPartitionRange>? Partitions { get; init; }

    /// <summary>
    /// The selection through the query-string binder's rules; problems by field name (<c>partitions</c> for the
    /// ranges), including the selection's own <see cref="EventSelection.Validate"/>.
    /// </summary>
    public EventSelection ToSelection(out Dictionary<string, string[]> problems)
    {
        var topics = (Topics ?? []).Prepend(Topic).OfType<string>().Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var rangeTopic = topics.Count == 1 ? topics[0] : "";

        // The query string's names and rules (trimmed values, kind names only, name:value headers, the text cap).
        var selection = EventSelectionQuery.Parse(
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["type"] = Type,
                ["kind"] = Kind,
                ["messageId"] = MessageId,
                ["correlationId"] = CorrelationId,
                ["causationId"] = CausationId,
                ["source"] = Source,
                ["header"] = Header,
                ["q"] = Q,
            },
            out problems) with
        {
            Topics = topics,
            Key = string.IsNullOrEmpty(Key) ? null : Key,
            From = From,
            To = To,
            Limit = Limit,
            Ranges = [.. (Partitions ?? []).Select(r => r is null
                ? new PartitionRange(rangeTopic, -1)
                : new PartitionRange(rangeTopic, r.Partition, r.FromOffset, r.ToOffset))],
        };
        problems = MergeProblems(problems, selection.Validate());
        return selection;
    }

    /// <summary>The JSON form of <paramref name="selection"/>, for the publish log.</summary>
    public static ReplaySelectionDto Of(EventSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var oneTopic = selection.Topics is [var single] ? single : null;
        return new ReplaySelectionDto
        {
            Topic = oneTopic,
            Topics = selection.Topics.Count > 1 ? selection.Topics : null,
            Type = selection.Type,
            Kind = selection.Kind?.ToString(),
            Key = selection.Key,
            MessageId = selection.MessageId,
            CorrelationId = selection.CorrelationId,
            CausationId = selection.CausationId,
            Source = selection.Source,
            Header = selection.HeaderName is null ? null : selection.HeaderValue is null ? selection.HeaderName : $"{selection.HeaderName}:{selection.HeaderValue}",
            Q = selection.Text,
            From = selection.From,
            To = selection.To,
            Limit = selection.Limit,
            Partitions = selection.Ranges.Count == 0 ? null : [.. selection.Ranges.Select(r => new ReplayPartitionRange(r.Partition, r.FromOffset, r.ToOffset))],
        };
    }

    private static Dictionary<string, string[]> MergeProblems(Dictionary<string, string[]> parsed, Dictionary<string, string[]> validated)
    {
        var merged = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, messages) in parsed.Concat(validated))
        {
            merged.TryAdd(name == EventSelectionQuery.Range ? "partitions" : name, messages);
        }

        return merged;
    }
}
