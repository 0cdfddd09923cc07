using System.Text.Json;

using EventObserver.Core.Conversations;

namespace EventObserver.Monitoring.Webhooks;

/// <summary>
/// EventObserver's own alert body: <c>{"alerts":[{"id","kind","process","conversation","status","startedAt","dueAt",
/// "ageSeconds","whereStopped","last":{…},"links":{…}}]}</c>. Written once per request and kept, so every retry
/// sends the same bytes (and the same alert ids).
/// </summary>
internal static class WebhookJsonBody
{
    public static byte[] Write(IReadOnlyList<ConversationAlert> alerts, WebhookLinks links)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("alerts");
            foreach (var alert in alerts)
            {
                WriteAlert(json, alert, links);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static string Kind(ConversationAlertKind kind) => kind == ConversationAlertKind.Stuck ? "stuck" : "resolved";

    public static string Status(ConversationStatus status) => status switch
    {
        ConversationStatus.Open => "open",
        ConversationStatus.Completed => "completed",
        ConversationStatus.Failed => "failed",
        _ => "stuck",
    };

    /// <summary>Stuck: how long it has been open when found; resolved: how long it took in the end.</summary>
    public static long AgeSeconds(ConversationAlert alert)
    {
        var conversation = alert.Conversation;
        var end = alert.Kind == ConversationAlertKind.Resolved ? conversation.EndedAt ?? alert.At : alert.At;
        return (long)Math.Max(0, (end - conversation.StartedAt).TotalSeconds);
    }

    private static void WriteAlert(Utf8JsonWriter json, ConversationAlert alert, WebhookLinks links)
    {
        var conversation = alert.Conversation;
        json.WriteStartObject();
        json.WriteString("id", WebhookAlertId.For(alert));
        json.WriteString("kind", Kind(alert.Kind));
        json.WriteString("process", conversation.Process);
        json.WriteString("conversation", conversation.Key);
        json.WriteString("status", Status(conversation.Status));
        json.WriteString("at", alert.At);
        json.WriteString("startedAt", conversation.StartedAt);
        WriteDate(json, "dueAt", conversation.DueAt);
        WriteDate(json, "endedAt", conversation.EndedAt);
        json.WriteNumber("ageSeconds", AgeSeconds(alert));
        json.WriteString("whereStopped", conversation.WhereStopped);
        json.WriteNumber("messages", conversation.Messages);

        var last = conversation.Last;
        json.WriteStartObject("last");
        json.WriteString("type", last.MessageType);
        json.WriteString("source", last.Source);
        json.WriteString("topic", last.Topic);
        json.WriteString("eventId", last.EventId);
        json.WriteString("timestamp", last.Timestamp);
        json.WriteEndObject();

        json.WriteStartObject("links");
        json.WriteString("lineage", links.Lineage(conversation.Key));
        json.WriteString("replay", links.Replay(conversation.Key));
        json.WriteString("page", links.Page(conversation.Process));
        json.WriteEndObject();

        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            json.WriteString(name, date);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
