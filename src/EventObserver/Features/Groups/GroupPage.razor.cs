using EventObserver.Access;
using EventObserver.Components.Shared;
using EventObserver.Core.Groups;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Groups;

/// <summary>
/// One consumer group (<c>/groups/{groupId}</c>): state, members (or why they are not known), lag per topic and per
/// partition with a link to the feed at the committed position, its error, the last hour of lag, and for Admins the
/// offset reset panel. Follows the monitor's refreshes like the list.
/// </summary>
public sealed partial class GroupPage : IDisposable
{
    private readonly Action<ConsumerGroupsSnapshot> _onRefreshed;
    private LiveUpdate? _update;

    public GroupPage() => _onRefreshed = _ => _update?.Request();

    [Parameter] public string GroupId { get; set; } = "";

    [Inject] public required GroupQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    public ConsumerGroupsSnapshot Snapshot { get; private set; } = ConsumerGroupsSnapshot.Empty;

    /// <summary>The group as the user may see it; null when not known or not visible.</summary>
    public ConsumerGroupStatus? Group { get; private set; }

    public IReadOnlyList<LagSample> History { get; private set; } = [];

    private bool IsAdmin => User.Access.IsInRole(AccessRoles.Admin);

    private DateTimeOffset Now => Time.GetUtcNow();

    public void Dispose()
    {
        Queries.Refreshed -= _onRefreshed;
        _update?.Dispose();
    }

    protected override void OnInitialized()
    {
        _update = new LiveUpdate(Time, LiveUpdate.DefaultInterval, () => InvokeAsync(() =>
        {
            Read();
            StateHasChanged();
        }));
        Queries.Refreshed += _onRefreshed;
    }

    protected override void OnParametersSet() => Read();

    private void Read()
    {
        Snapshot = Queries.Snapshot(User.Access);
        Group = Queries.Find(GroupId, User.Access);
        History = Group is null ? [] : Queries.History(GroupId, User.Access);
    }
}
