namespace EventObserver.Core.Conversations;

/// <summary>The body a webhook receives.</summary>
public enum WebhookFormat
{
    /// <summary>EventObserver's own JSON (documented in README).</summary>
    Json = 0,

    /// <summary>A Slack-compatible incoming-webhook body (<c>text</c> plus blocks).</summary>
    Slack = 1,
}
