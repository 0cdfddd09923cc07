using System.Globalization;

using EventObserver.Components.Shared;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Events;

/// <summary>One event in full: envelope fields, headers (text and hex), payload (JSON tree, text, hex) and links.</summary>
public sealed partial class EventDetail
{
    private bool _asText;
    private bool _showAll;
    private bool _showRaw;

    [Parameter] public string Topic { get; set; } = "";

    [Parameter] public int Partition { get; set; }

    [Parameter] public long Offset { get; set; }

    [Inject] public required ICurrentIndex Indexes { get; init; }

    public EventEnvelope? Envelope { get; private set; }

    public PayloadView? Payload { get; private set; }

    private string Position => EventPosition.Format(Topic, Partition, Offset);

    private string Title => Envelope is { } e ? $"{e.MessageType ?? "Event"} {e.Id}" : "Event not found";

    private static string BackHref => "./";

    private string? CorrelationHref => string.IsNullOrEmpty(Envelope?.CorrelationId)
        ? null
        : FeedHref(new EventSelection { CorrelationId = Envelope.CorrelationId });

    private string? KeyHref => string.IsNullOrEmpty(Envelope?.Key)
        ? null
        : FeedHref(new EventSelection { Key = Envelope.Key });

    protected override void OnParametersSet()
    {
        _asText = false;
        _showAll = false;
        _showRaw = false;
        try
        {
            Envelope = Indexes.TryGet(out var index) ? index.Get(Topic, Partition, Offset) : null;
        }
        catch (ObjectDisposedException)
        {
            // The index was switched to another cluster a moment ago: this event is no longer in it.
            Envelope = null;
        }

        Payload = Envelope is null ? null : PayloadView.From(Envelope);
    }

    private static string FeedHref(EventSelection filter) => "./?" + EventSelectionQuery.ToQuery(filter);

    private static IEnumerable<(string Label, string Value, bool Copy)> Fields(EventEnvelope e)
    {
        yield return ("Topic", e.Topic, true);
        yield return ("Partition", e.Partition.ToString(CultureInfo.InvariantCulture), false);
        yield return ("Offset", e.Offset.ToString(CultureInfo.InvariantCulture), false);
        yield return ("Timestamp", $"{DisplayFormat.Timestamp(e.Timestamp)} ({e.TimestampMs} ms, {e.TimestampKind})", false);
        yield return ("Kind", e.Kind.ToString(), false);
        yield return ("Type", e.MessageType ?? "", true);
        yield return ("Message id", e.MessageIdDerived ? $"{e.MessageId} (derived from the position)" : e.MessageId, true);
        yield return ("Correlation id", e.CorrelationId ?? "", true);
        yield return ("Causation id", e.CausationId ?? "", true);
        yield return ("Trace id", e.TraceId ?? "", true);
        yield return ("Source", e.Source ?? "", true);
        yield return ("Subject", e.Subject ?? "", true);
        yield return ("Key", e.Key is null ? "" : $"{e.Key}", true);
        yield return ("Key format", e.KeyBytes is null ? "no key" : e.KeyFormat.ToString(), false);
        if (e.DeadLetterOf is { } origin)
        {
            var position = origin.Partition is { } p && origin.Offset is { } o ? EventPosition.Format(origin.Topic, p, o) : origin.Topic;
            yield return ("Dead letter of", origin.Error is null ? position : $"{position}: {origin.Error}", true);
        }

        yield return ("Payload format", e.PayloadFormat.ToString(), false);
        yield return ("Size", $"{e.Payload?.Length ?? 0:N0} bytes", false);
    }
}
