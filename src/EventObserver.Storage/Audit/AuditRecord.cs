namespace EventObserver.Storage.Audit;

/// <summary>One stored audit record. <see cref="Id"/> is given by the store (0 before it is appended).</summary>
public sealed record AuditRecord
{
    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Action { get; init; }

    public required string Actor { get; init; }

    public string? Target { get; init; }

    public string? Detail { get; init; }

    public bool Succeeded { get; init; } = true;

    public string? RemoteAddress { get; init; }
}
