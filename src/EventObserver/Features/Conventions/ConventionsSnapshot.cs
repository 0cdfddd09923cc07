using EventObserver.Core.Conventions;
using EventObserver.Core.Selection;

namespace EventObserver.Features.Conventions;

/// <summary>
/// One conventions check over the index: the window asked for, how many messages it holds, and the report over the
/// newest of them. When the window holds more than <see cref="MaxEvents"/>, only those from <see cref="ReadFrom"/>
/// on were read (<see cref="Capped"/>).
/// </summary>
public sealed record ConventionsSnapshot(
    TimeWindow Window,
    DateTimeOffset From,
    DateTimeOffset To,
    long InWindow,
    DateTimeOffset ReadFrom,
    bool Capped,
    int MaxEvents,
    ConventionsReport Report)
{
    /// <summary>Messages read, tombstones included.</summary>
    public long Read => Report.Checked + Report.Tombstones;
}
