namespace EventObserver.Features.Groups;

/// <summary>The orders the groups list offers (page and <c>/api/groups?sort=</c>).</summary>
public enum GroupSort
{
    Name,
    Lag,
    TimeLag,
    State,
}
