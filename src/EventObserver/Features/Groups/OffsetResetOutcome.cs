using EventObserver.Core.Groups;

namespace EventObserver.Features.Groups;

/// <summary>
/// A preview or an applied reset as the asking user gets it: the rows, or why it was refused. <see cref="NotFound"/> when
/// the group is not one the user may see (the API answers 404, the page says so).
/// </summary>
public sealed record OffsetResetOutcome(OffsetResetPreview? Result, string? Refusal, bool NotFound = false, bool Applied = false)
{
    public bool IsRefused => Refusal is not null;

    public IReadOnlyList<OffsetResetRow> Rows => Result?.Rows ?? [];

    public long TotalLagAfter => Result?.TotalLagAfter ?? 0;

    public static OffsetResetOutcome Refused(string reason) => new(null, reason);
}
