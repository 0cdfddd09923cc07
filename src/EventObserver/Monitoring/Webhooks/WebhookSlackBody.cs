using System.Globalization;
using System.Text;
using System.Text.Json;

using EventObserver.Core.Conversations;

namespace EventObserver.Monitoring.Webhooks;

/// <summary>
/// A Slack-compatible incoming-webhook body: <c>text</c> (the notification line) and mrkdwn <c>blocks</c>, one section
/// per alert. Slack takes at most 50 blocks, so beyond <see cref="MaxAlertBlocks"/> alerts a last block counts the rest.
/// Links only when <c>Monitoring:PublicUrl</c> is set: a relative link means nothing in a chat client.
/// </summary>
internal static class WebhookSlackBody
{
    public const int MaxAlertBlocks = 40;

    public static byte[] Write(IReadOnlyList<ConversationAlert> alerts, WebhookLinks links)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("text", Summary(alerts));
            json.WriteStartArray("blocks");
            foreach (var alert in alerts.Take(MaxAlertBlocks))
            {
                Section(json, Describe(alert, links));
            }

            if (alerts.Count > MaxAlertBlocks)
            {
                Section(json, $"… and {alerts.Count - MaxAlertBlocks} more. See the conversations page.");
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>"2 conversations stuck, 1 resolved" — what a notification shows.</summary>
    public static string Summary(IReadOnlyList<ConversationAlert> alerts)
    {
        var stuck = alerts.Count(a => a.Kind == ConversationAlertKind.Stuck);
        var resolved = alerts.Count - stuck;
        var parts = new List<string>(2);
        if (stuck > 0)
        {
            parts.Add(stuck == 1 ? "1 conversation stuck" : $"{stuck} conversations stuck");
        }

        if (resolved > 0)
        {
            parts.Add(stuck == 0
                ? (resolved == 1 ? "1 stuck conversation resolved" : $"{resolved} stuck conversations resolved")
                : $"{resolved} resolved");
        }

        return "EventObserver: " + string.Join(", ", parts);
    }

    private static string Describe(ConversationAlert alert, WebhookLinks links)
    {
        var c = alert.Conversation;
        var text = new StringBuilder();
        var age = FormatAge(WebhookJsonBody.AgeSeconds(alert));
        if (alert.Kind == ConversationAlertKind.Stuck)
        {
            text.Append(CultureInfo.InvariantCulture, $":warning: *Stuck* {Escape(c.Process)} `{Escape(c.Key)}` open for {age}");
            if (c.DueAt is { } due)
            {
                text.Append(CultureInfo.InvariantCulture, $" (due {due.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)");
            }

            text.Append('\n').Append(Escape(c.WhereStopped));
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture,
                $":white_check_mark: *Resolved* {Escape(c.Process)} `{Escape(c.Key)}` {WebhookJsonBody.Status(c.Status)} late, after {age}");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nLast: {Escape(c.Last.MessageType)}");
        if (c.Last.Source is { } source)
        {
            text.Append(CultureInfo.InvariantCulture, $" from {Escape(source)}");
        }

        text.Append(CultureInfo.InvariantCulture, $" on {Escape(c.Last.Topic)}");
        if (links.Absolute)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n<{links.Lineage(c.Key)}|Lineage> · <{links.Replay(c.Key)}|Replay> · <{links.Page(c.Process)}|{Escape(c.Process)}>");
        }

        return text.ToString();
    }

    private static void Section(Utf8JsonWriter json, string mrkdwn)
    {
        json.WriteStartObject();
        json.WriteString("type", "section");
        json.WriteStartObject("text");
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", mrkdwn);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string FormatAge(long seconds) => seconds switch
    {
        < 120 => $"{seconds} s",
        < 7200 => $"{seconds / 60} min",
        _ => $"{seconds / 3600} h {seconds % 3600 / 60} min",
    };

    // Slack's mrkdwn control characters; everything else is shown as written.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
