using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Projections;

/// <summary>
/// Why a script failed: at compile time (no <see cref="Position"/>), or at one event (its position and type,
/// so the page can link to it).
/// </summary>
public sealed record ProjectionError
{
    public required ProjectionErrorKind Kind { get; init; }
    public required string Message { get; init; }

    /// <summary>The event being applied; null for compile errors.</summary>
    public EventPosition? Position { get; init; }
    public string? EventType { get; init; }

    /// <summary>The JavaScript call stack when Jint gives one.</summary>
    public string? JsStack { get; init; }

    /// <summary>1-based line and column in the script, when known.</summary>
    public int? Line { get; init; }
    public int? Column { get; init; }

    /// <summary>The partition being updated, for partitioned projections.</summary>
    public string? PartitionKey { get; init; }

    public override string ToString() =>
        Position is { } position ? $"{Kind} at {position} ({EventType}): {Message}" : $"{Kind}: {Message}";
}
