using System.Globalization;

using EventObserver.Components.Shared;
using EventObserver.Core.Envelopes;
using EventObserver.Features.Events;

namespace EventObserver.Features.Feed;

/// <summary>
/// One feed row, computed once off the render thread so rendering a row is only string output.
/// The envelope's bytes are not kept: the detail page reads them from the index. <see cref="Format"/> names the schema
/// format of a schema-encoded value ("Avro"), <see cref="DecodeStatus"/> says why it was not decoded (null when it was).
/// </summary>
public sealed record FeedRow(
    string Id,
    string Topic,
    int Partition,
    long Offset,
    long TimestampMs,
    MessageKind Kind,
    string? Type,
    string? Key,
    string? CorrelationId,
    string? Source,
    string Preview,
    string? Format = null,
    string? DecodeStatus = null)
{
    public const int ShortIdLength = 8;

    public string Time => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public string FullTime => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs).ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    public string ShortCorrelationId => Shorten(CorrelationId);

    public DateTimeOffset Timestamp() => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs);

    /// <summary>The detail page of this event (topic escaped: it is a path segment).</summary>
    public string DetailHref => EventLinks.Detail(Topic, Partition, Offset);

    public static FeedRow From(EventEnvelope e) => new(
        e.Id, e.Topic, e.Partition, e.Offset, e.TimestampMs, e.Kind, e.MessageType, e.Key, e.CorrelationId, e.Source,
        PayloadPreview.Describe(e),
        e.Decoding is { } d ? DecodingText.FormatName(d.Format) : null,
        e.Decoding is { } s ? DecodingText.StatusBadge(s.Status) : null);

    public static string Shorten(string? id) => id is null ? "" : id.Length <= ShortIdLength ? id : id[..ShortIdLength];
}
