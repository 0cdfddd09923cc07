using EventObserver.Access;

namespace EventObserver.Features.Audit;

/// <summary>What the audit page and <c>GET /api/audit</c> ask for: filters (all optional, applied together) and a page.</summary>
public sealed record AuditSearch
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>One actor's records (whole name, any case).</summary>
    public string? Actor { get; init; }

    public AuditAction? Action { get; init; }

    /// <summary>Text in the actor, action, target, detail or address (any case).</summary>
    public string? Text { get; init; }

    /// <summary>How many of the newest matches to skip.</summary>
    public int Offset { get; init; }

    public int Limit { get; init; } = DefaultLimit;
}
