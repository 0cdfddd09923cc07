using EventObserver.Core.Groups;

namespace EventObserver.Features.Groups;

/// <summary>
/// Which groups a list shows and in what order: <paramref name="Text"/> is a case-insensitive part of the group id,
/// <paramref name="LaggingOnly"/> keeps groups with lag in messages. Ties in any order fall back to the group id, so
/// the list does not jump between refreshes.
/// </summary>
public sealed record GroupFilter(
    string? Text = null,
    GroupState? State = null,
    bool LaggingOnly = false,
    GroupSort Sort = GroupSort.Name,
    bool Descending = false)
{
    public static GroupFilter All { get; } = new();

    public bool Matches(ConsumerGroupStatus group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return (string.IsNullOrWhiteSpace(Text) || group.GroupId.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase))
            && (State is null || group.State == State)
            && (!LaggingOnly || group.TotalLag > 0);
    }

    public IReadOnlyList<ConsumerGroupStatus> Apply(IEnumerable<ConsumerGroupStatus> groups)
    {
        var matching = groups.Where(Matches);
        var ordered = Sort switch
        {
            GroupSort.Lag => Descending ? matching.OrderByDescending(g => g.TotalLag) : matching.OrderBy(g => g.TotalLag),
            GroupSort.TimeLag => Descending
                ? matching.OrderByDescending(g => g.MaxTimeLag ?? TimeSpan.MinValue)
                : matching.OrderBy(g => g.MaxTimeLag ?? TimeSpan.MinValue),
            GroupSort.State => Descending ? matching.OrderByDescending(g => g.State.ToString(), StringComparer.Ordinal) : matching.OrderBy(g => g.State.ToString(), StringComparer.Ordinal),
            _ => Descending ? matching.OrderByDescending(g => g.GroupId, StringComparer.Ordinal) : matching.OrderBy(g => g.GroupId, StringComparer.Ordinal),
        };
        return [.. ordered.ThenBy(g => g.GroupId, StringComparer.Ordinal)];
    }
}
