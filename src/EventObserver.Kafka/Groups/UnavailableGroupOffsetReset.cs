using EventObserver.Core.Groups;

namespace EventObserver.Kafka.Groups;

/// <summary>Offset resets when consumer groups are turned off: every request is refused with the reason.</summary>
public sealed class UnavailableGroupOffsetReset : IGroupOffsetReset
{
    private const string Reason = "consumer groups are turned off (EventObserver:Groups:Enabled=false)";

    public bool Enabled => false;

    public Task<OffsetResetPreview> PreviewAsync(OffsetResetRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new OffsetResetPreview(request, [], 0, Reason));

    public Task<OffsetResetPreview> ApplyAsync(OffsetResetRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new OffsetResetPreview(request, [], 0, Reason));
}
