using System.Globalization;

using EventObserver.Access;
using EventObserver.Components.Shared;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using EventObserver.Core.Selection;
using EventObserver.Shared;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Events;

/// <summary>
/// One event in full: envelope fields, headers (text and hex), payload (JSON tree, text, hex) and links; for a
/// schema-encoded key or value, how it was decoded (format, schema, type) or why not.
/// </summary>
public sealed partial class EventDetail : IDisposable
{
    private readonly CancellationTokenSource _closed = new();
    private bool _asText;
    private bool _showAll;
    private bool _showRaw;
    private int _reads;

    [Parameter] public string Topic { get; set; } = "";

    [Parameter] public int Partition { get; set; }

    [Parameter] public long Offset { get; set; }

    /// <summary>The feed this detail was opened from, filters included (<see cref="FeedReturn"/>).</summary>
    [SupplyParameterFromQuery(Name = FeedReturn.Parameter)] public string? Back { get; set; }

    /// <summary>Set while prerendering (the first response), null once interactive: the status code is set on it.</summary>
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Inject] public required EventQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    /// <summary>True until the index has answered for the current position.</summary>
    public bool Loading { get; private set; } = true;

    public EventEnvelope? Envelope { get; private set; }

    public PayloadView? Payload { get; private set; }

    /// <summary>Why the index could not be read; null when it answered (with or without an event).</summary>
    public string? ReadError { get; private set; }

    private string Position => EventPosition.Format(Topic, Partition, Offset);

    private string Title => Envelope is { } e ? $"{e.MessageType ?? "Event"} {e.Id}"
        : Loading ? "Event"
        : ReadError is null ? "Event not found or not permitted" : "Event not read";

    private string BackHref => FeedReturn.BackHref(Back);

    private string? CorrelationHref => string.IsNullOrEmpty(Envelope?.CorrelationId)
        ? null
        : FeedHref(new EventSelection { CorrelationId = Envelope.CorrelationId });

    private string? KeyHref => string.IsNullOrEmpty(Envelope?.Key)
        ? null
        : FeedHref(new EventSelection { Key = Envelope.Key });

    public void Dispose()
    {
        // Not disposed: a read in progress may still ask for its token (a source without a timer holds nothing).
        _closed.Cancel();
    }

    protected override async Task OnParametersSetAsync()
    {
        _asText = false;
        _showAll = false;
        _showRaw = false;
        Loading = true;
        Envelope = null;
        Payload = null;
        ReadError = null;
        var read = ++_reads;
        IndexRead<EventEnvelope?> result;
        try
        {
            result = await Queries.GetAsync(Topic, Partition, Offset, User.Access, _closed.Token);
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            return;
        }

        if (read != _reads)
        {
            // The position changed while this read ran: the newer read shows its own event.
            return;
        }

        // No index yet reads as "not found": the event is not indexed (yet). A denied topic's event reads the same.
        Envelope = result.ValueOr(null);
        ReadError = result.Status == IndexReadStatus.Failed ? result.Error : null;
        Payload = Envelope is null ? null : PayloadView.From(Envelope);
        Loading = false;
        SetStatusCode();
    }

    /// <summary>
    /// The first response says what the page says: 404 for an event that is not there (or not the user's to read), 500
    /// when the index could not be read, as the API does. Later renders run on the circuit and have no response.
    /// </summary>
    /// <remarks>
    /// The code is set as the response starts, not now: a status changed while prerendering makes Blazor's endpoint
    /// hand the request to the status code pages (the app's generic "Page not found"), and this page's own text, with
    /// the position and the reasons, would be lost.
    /// </remarks>
    private void SetStatusCode()
    {
        int? status = ReadError is not null ? StatusCodes.Status500InternalServerError
            : Envelope is null ? StatusCodes.Status404NotFound
            : null;
        if (status is not { } code || HttpContext is not { Response.HasStarted: false } http)
        {
            return;
        }

        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = code;
            return Task.CompletedTask;
        });
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

        yield return ("Payload format", e.Decoding is { } d ? $"{DecodingText.FormatName(d.Format)} (raw: {e.PayloadFormat})" : e.PayloadFormat.ToString(), false);
        yield return ("Size", RawPayloadWithheld.Is(e) ? "raw bytes withheld by masking" : $"{e.Payload?.Length ?? 0:N0} bytes", false);
    }
}
