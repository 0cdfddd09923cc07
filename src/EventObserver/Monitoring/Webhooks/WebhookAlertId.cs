using System.Security.Cryptography;
using System.Text;

using EventObserver.Core.Conversations;

namespace EventObserver.Monitoring.Webhooks;

/// <summary>
/// A stable id per alert so receivers can drop duplicates: derived from what the alert is about (kind, process,
/// conversation, the moment it became stuck), so the same breach raised again after a restart keeps its id.
/// </summary>
internal static class WebhookAlertId
{
    public static string For(ConversationAlert alert)
    {
        var conversation = alert.Conversation;
        var since = (conversation.StuckSince ?? conversation.DueAt ?? alert.At).ToUnixTimeMilliseconds();
        var kind = alert.Kind == ConversationAlertKind.Stuck ? "stuck" : "resolved";
        var text = $"{kind}\n{conversation.Process}\n{conversation.Key}\n{since}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
