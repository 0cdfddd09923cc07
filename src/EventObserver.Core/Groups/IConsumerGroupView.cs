namespace EventObserver.Core.Groups;

/// <summary>The latest refresh of every consumer group and their lag history; what pages, the API and metrics read.</summary>
public interface IConsumerGroupView
{
    ConsumerGroupsSnapshot Current { get; }

    /// <summary>Raised after each refresh (on the refresh thread; subscribers marshal to their own context).</summary>
    event Action<ConsumerGroupsSnapshot>? Refreshed;

    /// <summary>The group's samples over the last <paramref name="span"/>, oldest first.</summary>
    IReadOnlyList<LagSample> History(string groupId, TimeSpan span);

    /// <summary>Refreshes now (for example after an offset reset) and returns the new snapshot.</summary>
    Task<ConsumerGroupsSnapshot> RefreshNowAsync(CancellationToken cancellationToken);
}
