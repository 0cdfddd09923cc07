using System.Globalization;
using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// What a commit tells the other observers through <c>NOTIFY</c>: who wrote, and which offsets of which partitions. A
/// line per partition (<c>topic TAB partition TAB first TAB last</c>) after the sender's id; Kafka topic names hold no
/// tabs or line breaks. PostgreSQL caps a payload below 8,000 bytes, so a batch of many partitions sends several.
/// </summary>
internal sealed record CommitNotice(string ObserverId, IReadOnlyList<CommitNotice.Range> Ranges)
{
    /// <summary>Payload bytes per notice at most (PostgreSQL refuses 8,000 and more).</summary>
    internal const int MaxPayloadBytes = 7_900;

    internal readonly record struct Range(TopicPartitionKey Key, long First, long Last);

    /// <summary>The payloads announcing <paramref name="events"/> (written by <paramref name="observerId"/>).</summary>
    public static List<string> Payloads(string observerId, IReadOnlyList<EventEnvelope> events)
    {
        var ranges = new Dictionary<TopicPartitionKey, (long First, long Last)>();
        foreach (var e in events)
        {
            var key = new TopicPartitionKey(e.Topic, e.Partition);
            ranges[key] = ranges.TryGetValue(key, out var r) ? (Math.Min(r.First, e.Offset), Math.Max(r.Last, e.Offset)) : (e.Offset, e.Offset);
        }

        var payloads = new List<string>();
        var text = new StringBuilder(observerId);
        var header = Encoding.UTF8.GetByteCount(observerId);
        var bytes = header;
        var lines = 0;
        foreach (var (key, (first, last)) in ranges)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"\n{key.Topic}\t{key.Partition}\t{first}\t{last}");
            var lineBytes = Encoding.UTF8.GetByteCount(line);
            if (lines > 0 && bytes + lineBytes > MaxPayloadBytes)
            {
                payloads.Add(text.ToString());
                text.Clear().Append(observerId);
                bytes = header;
                lines = 0;
            }

            text.Append(line);
            bytes += lineBytes;
            lines++;
        }

        if (lines > 0)
        {
            payloads.Add(text.ToString());
        }

        return payloads;
    }

    /// <summary>Reads a payload; null when it is not one of ours.</summary>
    public static CommitNotice? Parse(string payload)
    {
        var lines = payload.Split('\n');
        var ranges = new List<Range>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            var parts = lines[i].Split('\t');
            if (parts.Length != 4
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
            {
                return null;
            }

            ranges.Add(new Range(new TopicPartitionKey(parts[0], partition), first, last));
        }

        return lines[0].Length == 0 || ranges.Count == 0 ? null : new CommitNotice(lines[0], ranges);
    }
}
