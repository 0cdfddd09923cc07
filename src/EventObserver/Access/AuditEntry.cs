namespace EventObserver.Access;

/// <summary>One audit record: who did what to what, and whether it was allowed.</summary>
public sealed record AuditEntry
{
    public required AuditAction Action { get; init; }

    /// <summary>The user name (or API key name, or "anonymous").</summary>
    public required string Actor { get; init; }

    /// <summary>What the action was about: a path, a run id, a topic, a projection name.</summary>
    public string? Target { get; init; }

    /// <summary>Free text: the selection, the script hash, the reason for a refusal.</summary>
    public string? Detail { get; init; }

    public bool Succeeded { get; init; } = true;

    /// <summary>Set by the log when left null.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Client address, when known.</summary>
    public string? RemoteAddress { get; init; }
}
