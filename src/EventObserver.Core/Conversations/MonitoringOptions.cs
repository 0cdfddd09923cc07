namespace EventObserver.Core.Conversations;

/// <summary>Conversation monitoring (<c>EventObserver:Monitoring</c>): processes, deadlines, limits and alert receivers.</summary>
public sealed class MonitoringOptions
{
    /// <summary>Off: no tracking, the page says so, no alerts.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Configured processes; inferred ones are added beside them unless <see cref="InferProcesses"/> is off.</summary>
    public List<ProcessOptions> Processes { get; set; } = [];

    /// <summary>Infer processes (start and terminal types) from observed traffic.</summary>
    public bool InferProcesses { get; set; } = true;

    /// <summary>Cap on open (and stuck) conversations kept in memory; beyond it the oldest are dropped and counted.</summary>
    public int MaxOpenConversations { get; set; } = 100_000;

    /// <summary>A conversation with no new message for this long counts as ended when inferring terminal types.</summary>
    public TimeSpan QuietAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often deadlines are checked (detection delay is at most about this).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A suggested deadline is never shorter than this.</summary>
    public TimeSpan MinimumSuggestedDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Completed conversations needed before a deadline is suggested.</summary>
    public int SuggestAfterCompleted { get; set; } = 20;

    /// <summary>Alert receivers for stuck conversations and their late resolution.</summary>
    public List<WebhookOptions> Webhooks { get; set; } = [];

    /// <summary>Alerts collected for at most this long before one request per receiver carries them.</summary>
    public TimeSpan WebhookBatchWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many requests per receiver per minute; alerts wait (never dropped below the queue cap).</summary>
    public int WebhookMaxRequestsPerMinute { get; set; } = 12;

    /// <summary>
    /// The dashboard's external base URL (e.g. <c>https://observer.example.com/</c>): alert links are absolute under it.
    /// Unset: links are relative paths (<c>/lineage?correlation=…</c>), which a chat client cannot open.
    /// </summary>
    public string? PublicUrl { get; set; }
}
