using System.Reflection;

using EventObserver.ApiDocs;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Http.Metadata;

namespace EventObserver.Features.Events;

/// <summary>
/// An <see cref="EventSelection"/> bound from the whole query string by the one binder (<see cref="EventSelectionQuery"/>),
/// with its problems by parameter name kept for a 400 rather than the framework's bare one.
/// </summary>
public sealed record SelectionParameters(EventSelection Selection, Dictionary<string, string[]> Problems) : IEndpointParameterMetadataProvider
{
    public static ValueTask<SelectionParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var selection = EventSelectionQuery.Parse(context.Request.QueryString.Value, out var problems, EventSelection.MaxLimit);
        return ValueTask.FromResult<SelectionParameters?>(new SelectionParameters(selection, problems));
    }

    /// <summary>The names <see cref="EventSelectionQuery"/> reads, for the OpenAPI document (it cannot see into this binder).</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string exact = "Exact match (case-sensitive).";
        QueryParameterDoc[] docs =
        [
            new("topic", "Topic name; repeat it or separate names with commas for several topics.") { Repeatable = true },
            new("type", "Message type, e.g. OrderPlaced. " + exact),
            new("kind", "Kind of message (case-insensitive).") { Allowed = ["Command", "Event", "Message"] },
            new("key", "Kafka record key (as text). " + exact),
            new("messageId", "Message id. " + exact),
            new("correlationId", "Correlation id: the whole business conversation (alias: correlation). " + exact),
            new("causationId", "Causation id: the messages that this message id directly caused. " + exact),
            new("source", "Sending service (case-insensitive)."),
            new("header", "name:value (a header with that value; the name case-insensitive) or name (the header is present). One header: a later one replaces an earlier one."),
            new("q", $"Free text, case-insensitive, in the key, the text header values and the first {EventSelection.MaxScannedPayloadBytes / 1024} KB of a JSON or text payload (a scan, slower than the other filters); at most {EventSelection.MaxTextLength} characters."),
            new("from", "Oldest timestamp, ISO-8601 (e.g. 2025-01-31T12:00:00Z).") { Format = "date-time" },
            new("to", "Newest timestamp, ISO-8601.") { Format = "date-time" },
            new(EventSelectionQuery.Range, "topic/partition or topic/partition/fromOffset-toOffset (inclusive); repeatable.") { Repeatable = true },
            new("limit", "How many of the newest matches to return.", QueryParameterDoc.Integer)
            {
                Minimum = 1, Maximum = EventSelection.MaxLimit, Default = EventSelection.DefaultLimit,
            },
        ];
        foreach (var doc in docs)
        {
            builder.Metadata.Add(doc);
        }
    }
}
