using System.Globalization;
using System.Text;
using Confluent.Kafka;
using EventObserver.Core.Envelopes;

namespace EventObserver.Kafka.Replay;

/// <summary>
/// Builds the copy of an indexed event: key, value and headers byte for byte, then the replay stamps. The value is the raw
/// bytes (<see cref="EventEnvelope.Payload"/>), never the JSON view of a schema-encoded value.
/// </summary>
public static class ReplayMessages
{
    public static Message<byte[], byte[]> Create(EventEnvelope original, string replayId, DateTimeOffset replayedAt)
    {
        ArgumentNullException.ThrowIfNull(original);
        var headers = new Headers();
        foreach (var header in Headers(original, replayId, replayedAt))
        {
            headers.Add(header.Key, header.Value);
        }

        // Null stays null (no key, a tombstone): the byte-array serializer writes null for null.
        return new Message<byte[], byte[]> { Key = original.KeyBytes!, Value = original.Payload!, Headers = headers };
    }

    /// <summary>The original's headers in order (duplicates and null values kept), then the three stamps.</summary>
    public static IReadOnlyList<EnvelopeHeader> Headers(EventEnvelope original, string replayId, DateTimeOffset replayedAt)
    {
        var headers = new List<EnvelopeHeader>(original.Headers.Count + 3);
        headers.AddRange(original.Headers);
        headers.Add(new EnvelopeHeader(ReplayHeaders.ReplayOf, Encoding.UTF8.GetBytes(original.Id)));
        headers.Add(new EnvelopeHeader(ReplayHeaders.ReplayId, Encoding.UTF8.GetBytes(replayId)));
        headers.Add(new EnvelopeHeader(ReplayHeaders.ReplayedAt, Encoding.UTF8.GetBytes(
            replayedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))));
        return headers;
    }

    /// <summary>
    /// The topic a dead-letter redrive should go back to: the original topic most of the dead letters name
    /// (Spring <c>kafka_dlt-original-topic</c>, Connect <c>__connect.errors.topic</c>); null when none does.
    /// </summary>
    public static string? ProposeRedriveTopic(IEnumerable<EventEnvelope> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events
            .Where(e => !string.IsNullOrWhiteSpace(e.DeadLetterOf?.Topic))
            .GroupBy(e => e.DeadLetterOf!.Topic, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
    }
}
