namespace EventObserver.Features.Conventions;

/// <summary>
/// <c>GET /api/conventions</c>: the conventions check over the newest messages of <see cref="Window"/>. When the
/// window holds more than <see cref="MaxEvents"/> (<see cref="Capped"/>), only those from <see cref="ReadFrom"/> on were read.
/// </summary>
public sealed record ConventionsDto(
    string Window,
    DateTimeOffset From,
    DateTimeOffset To,
    long InWindow,
    long Read,
    bool Capped,
    int MaxEvents,
    DateTimeOffset ReadFrom,
    long Checked,
    long Flagged,
    long Tombstones,
    IReadOnlyList<ConventionSourceDto> Sources);
