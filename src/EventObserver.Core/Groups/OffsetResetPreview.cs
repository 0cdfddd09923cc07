namespace EventObserver.Core.Groups;

/// <summary>What a reset would write (or, from apply, what it wrote), or why it is refused.</summary>
public sealed record OffsetResetPreview(OffsetResetRequest Request, IReadOnlyList<OffsetResetRow> Rows, long TotalLagAfter, string? Refusal = null)
{
    public bool IsRefused => Refusal is not null;
}
