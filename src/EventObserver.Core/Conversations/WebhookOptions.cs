namespace EventObserver.Core.Conversations;

/// <summary>One alert receiver (<c>EventObserver:Monitoring:Webhooks[]</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>Absolute http(s) URL that receives a POST per batch of alerts.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>When set, each request carries an HMAC-SHA256 of its body in <c>X-EventObserver-Signature: sha256=…</c>.</summary>
    public string? Secret { get; set; }

    public WebhookFormat Format { get; set; } = WebhookFormat.Json;
}
