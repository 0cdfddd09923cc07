namespace EventObserver.Monitoring.Webhooks;

/// <summary>
/// The pages an alert links to: the conversation's lineage graph, the replay page selecting its messages (the replay
/// selection reads <c>correlation</c>), and the process on the conversations page. Absolute under
/// <c>Monitoring:PublicUrl</c> (its path kept, for a dashboard behind a path prefix), else relative paths.
/// </summary>
internal sealed class WebhookLinks
{
    private readonly string _base;

    public WebhookLinks(string? publicUrl)
    {
        _base = string.IsNullOrWhiteSpace(publicUrl) ? string.Empty : publicUrl.Trim().TrimEnd('/');
    }

    public bool Absolute => _base.Length > 0;

    public string Lineage(string correlation) => $"{_base}/lineage?correlation={Uri.EscapeDataString(correlation)}";

    public string Replay(string correlation) => $"{_base}/replay?correlation={Uri.EscapeDataString(correlation)}";

    public string Page(string process) => $"{_base}/conversations?process={Uri.EscapeDataString(process)}";
}
