namespace EventObserver.Features.Conversations;

/// <summary>
/// <c>GET /api/processes</c>: whether monitoring is on (when off, <see cref="Note"/> names the setting and there are no
/// processes), the window the counts cover, the tracker's own state (tracked of capacity, dropped at the cap) and the
/// processes the caller may see.
/// </summary>
public sealed record ProcessListDto(
    bool Enabled,
    string? Note,
    string Window,
    DateTimeOffset At,
    long Tracked,
    int Capacity,
    long Overflowed,
    long Unassigned,
    long MessagesObserved,
    ProcessDto[] Processes);
