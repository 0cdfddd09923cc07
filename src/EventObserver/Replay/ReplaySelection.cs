using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Querying;

namespace EventObserver.Replay;

/// <summary>
/// Which indexed events a replay reads: any subset of the feed filters, plus offset ranges of partitions of
/// <see cref="Topic"/>. Events are replayed oldest first (each partition in offset order). With
/// <see cref="Limit"/>, only the newest that many of them (what the feed shows), still oldest first.
/// </summary>
public sealed record ReplaySelection
{
    public const int MaxPartitionRanges = 1000;

    public string? Topic { get; init; }
    public string? Type { get; init; }
    public MessageKind? Kind { get; init; }
    public string? Key { get; init; }
    public string? CorrelationId { get; init; }
    public string? CausationId { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public long? Limit { get; init; }
    public IReadOnlyList<ReplayPartitionRange>? Partitions { get; init; }

    /// <summary>Problems by field name (API style); empty when the selection is usable.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (From is { } from && To is { } to && from > to)
        {
            errors["from"] = [$"'from' ({from:O}) is after 'to' ({to:O})."];
        }

        if (Limit is < 1)
        {
            errors["limit"] = [$"'limit' must be 1 or more; it is {Limit}."];
        }

        if (Partitions is { Count: > 0 } partitions)
        {
            var problems = new List<string>();
            if (Topic is null)
            {
                problems.Add("Partition offset ranges need a 'topic'.");
            }

            if (partitions.Count > MaxPartitionRanges)
            {
                problems.Add($"At most {MaxPartitionRanges} partition ranges.");
            }

            foreach (var range in partitions)
            {
                if (range is null || range.Partition < 0 || range.FromOffset is < 0 || range.ToOffset is < 0
                    || (range.FromOffset is { } f && range.ToOffset is { } t && f > t))
                {
                    problems.Add($"Bad range {range}: partition and offsets must be 0 or more, fromOffset at most toOffset.");
                }
            }

            if (problems.Count > 0)
            {
                errors["partitions"] = [.. problems];
            }
        }

        return errors;
    }

    /// <summary>The index range, frozen at the index's current checkpoints so a run reads a fixed set.</summary>
    public EventRange ToRange(IEventIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new EventRange
        {
            Filter = new EventQuery
            {
                Topic = Blank(Topic),
                Type = Blank(Type),
                Kind = Kind,
                Key = Key,
                CorrelationId = Blank(CorrelationId),
                CausationId = Blank(CausationId),
                From = From,
                To = To,
            },
            Offsets = Partitions is { Count: > 0 } ranges && Blank(Topic) is { } topic
                ? [.. ranges.Select(r => new PartitionOffsetRange(topic, r.Partition, r.FromOffset ?? 0, r.ToOffset ?? long.MaxValue))]
                : [],
            EndOffsets = index.GetCheckpoints(),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
