namespace EventObserver.Features.IndexRebuild;

/// <param name="ArchivedTo">The archived file's name in the index's <c>archive/</c> folder; null when there was no file.</param>
/// <param name="StartedAt">When the rebuild started.</param>
/// <param name="Message">What happened, in words (also logged and shown in the status bar).</param>
public sealed record IndexRebuildDto(string? ArchivedTo, DateTimeOffset StartedAt, string Message);
