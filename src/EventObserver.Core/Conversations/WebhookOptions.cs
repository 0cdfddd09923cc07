namespace EventObserver.Core.Conversations;

/// <summary>One alert receiver (<c>EventObserver:Monitoring:Webhooks[]</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>Absolute http(s) URL that receives a POST per batch of alerts.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>
    /// When set, each request carries <c>X-EventObserver-Timestamp</c> (Unix seconds) and
    /// <c>X-EventObserver-Signature: sha256=…</c>, the lowercase hex HMAC-SHA256 keyed with this secret over the UTF-8
    /// bytes of <c>{timestamp}.{body}</c> (the timestamp header's value, a dot, then the exact body bytes).
    /// </summary>
    public string? Secret { get; set; }

    public WebhookFormat Format { get; set; } = WebhookFormat.Json;

    /// <summary>
    /// How logs name this receiver; defaults to its scheme and host. Logs never show the whole URL: Slack-style
    /// incoming-webhook URLs carry their secret in the path.
    /// </summary>
    public string? Name { get; set; }
}
