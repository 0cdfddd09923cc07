namespace EventObserver.Core.Groups;

/// <summary>
/// Moves a group's committed offsets. Refused (never throws for these) when resets are disabled, when the group has
/// members or its members cannot be known, for an unknown topic/partition, or a time/offset missing for its target.
/// </summary>
public interface IGroupOffsetReset
{
    bool Enabled { get; }

    Task<OffsetResetPreview> PreviewAsync(OffsetResetRequest request, CancellationToken cancellationToken);

    /// <summary>Computes the same rows as <see cref="PreviewAsync"/> and writes them; returns what was written.</summary>
    Task<OffsetResetPreview> ApplyAsync(OffsetResetRequest request, CancellationToken cancellationToken);
}
