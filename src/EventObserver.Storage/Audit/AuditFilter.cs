namespace EventObserver.Storage.Audit;

/// <summary>Which audit records to read; every part is optional and they all apply together.</summary>
public sealed record AuditFilter
{
    public static AuditFilter All { get; } = new();

    /// <summary>Records at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Records at or before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only this actor's records (case-insensitive, whole name).</summary>
    public string? Actor { get; init; }

    /// <summary>Only this action (case-insensitive).</summary>
    public string? Action { get; init; }

    /// <summary>Records whose actor, action, target, detail or address contain this text (case-insensitive).</summary>
    public string? Text { get; init; }
}
