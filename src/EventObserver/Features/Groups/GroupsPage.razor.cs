using EventObserver.Access;
using EventObserver.Components.Shared;
using EventObserver.Core.Groups;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Groups;

/// <summary>
/// The consumer groups list (<c>/groups</c>): each group the user may see with its state, members, lag in messages and
/// time and a sparkline of the last hour; filtered by id, state and "lagging only". Follows the monitor: every refresh
/// re-reads the snapshot and re-renders, throttled by <see cref="LiveUpdate"/>.
/// </summary>
public sealed partial class GroupsPage : IDisposable
{
    public const string AllStates = "All";

    private readonly Action<ConsumerGroupsSnapshot> _onRefreshed;
    private LiveUpdate? _update;
    private Dictionary<string, IReadOnlyList<LagSample>> _history = new(StringComparer.Ordinal);

    public GroupsPage() => _onRefreshed = _ => _update?.Request();

    [Inject] public required GroupQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    public ConsumerGroupsSnapshot Snapshot { get; private set; } = ConsumerGroupsSnapshot.Empty;

    public GroupFilter Filter { get; private set; } = GroupFilter.All;

    /// <summary>The groups shown (before the table's own column sort).</summary>
    public IReadOnlyList<ConsumerGroupStatus> Rows { get; private set; } = [];

    /// <summary>How many times the page re-read the groups after a refresh of the monitor.</summary>
    public int LiveRenders => _update?.Renders ?? 0;

    private DateTimeOffset Now => Time.GetUtcNow();

    private IReadOnlyList<string> StateOptions =>
        [AllStates, .. Snapshot.Groups.Select(g => g.State).Distinct().Order().Select(s => s.ToString())];

    private string StateKey => Filter.State?.ToString() ?? AllStates;

    public void Dispose()
    {
        Queries.Refreshed -= _onRefreshed;
        _update?.Dispose();
    }

    /// <summary>Applies a new filter (the toolbar's controls come here; tests too).</summary>
    public void ApplyFilter(GroupFilter filter)
    {
        Filter = filter;
        Rows = filter.Apply(Snapshot.Groups);
    }

    protected override void OnInitialized()
    {
        _update = new LiveUpdate(Time, LiveUpdate.DefaultInterval, () => InvokeAsync(() =>
        {
            Read();
            StateHasChanged();
        }));
        Read();
        Queries.Refreshed += _onRefreshed;
    }

    private void Read()
    {
        Snapshot = Queries.Snapshot(User.Access);
        _history = Snapshot.Groups.ToDictionary(g => g.GroupId, g => Queries.History(g.GroupId, User.Access), StringComparer.Ordinal);
        ApplyFilter(Filter);
    }

    private IReadOnlyList<LagSample> HistoryOf(string groupId) => _history.GetValueOrDefault(groupId) ?? [];

    private Task SetTextAsync(string? text)
    {
        ApplyFilter(Filter with { Text = text });
        return Task.CompletedTask;
    }

    private Task SetStateAsync(string state)
    {
        ApplyFilter(Filter with { State = Enum.TryParse<GroupState>(state, out var parsed) ? parsed : null });
        return Task.CompletedTask;
    }

    private Task SetLaggingOnlyAsync(bool laggingOnly)
    {
        ApplyFilter(Filter with { LaggingOnly = laggingOnly });
        return Task.CompletedTask;
    }
}
