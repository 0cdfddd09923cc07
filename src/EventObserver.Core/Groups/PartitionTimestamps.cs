namespace EventObserver.Core.Groups;

/// <summary>
/// The timestamps of one partition's indexed events over a contiguous offset window (-1 where the index holds no event
/// at that offset: deleted by retention, a transaction marker, compacted away). Filled by range reads; never changes
/// for offsets already read, because only offsets below the index's checkpoint are read.
/// </summary>
internal sealed class PartitionTimestamps(long start, long[] times)
{
    public const long Missing = -1;

    public long Start { get; private set; } = start;

    public long End => Start + Times.Length;

    public long[] Times { get; private set; } = times;

    /// <summary>The refresh that last used this window (for evicting the least recently used).</summary>
    public long LastUsed { get; set; }

    public bool Contains(long offset) => offset >= Start && offset < End;

    public long At(long offset) => Times[offset - Start];

    /// <summary>Joins an adjacent window read after this one (before or after it); false when they do not touch.</summary>
    public bool TryJoin(PartitionTimestamps other, int maxLength)
    {
        if (other.Start == End)
        {
            Times = Trim([.. Times, .. other.Times], maxLength, keepEnd: true, out var dropped);
            Start += dropped;
            return true;
        }

        if (other.End == Start)
        {
            Start = other.Start;
            Times = Trim([.. other.Times, .. Times], maxLength, keepEnd: false, out _);
            return true;
        }

        return false;
    }

    // A window that grows past its bound loses the side away from where it just grew.
    private static long[] Trim(long[] times, int maxLength, bool keepEnd, out long dropped)
    {
        dropped = 0;
        if (times.Length <= maxLength)
        {
            return times;
        }

        dropped = keepEnd ? times.Length - maxLength : 0;
        return keepEnd ? times[^maxLength..] : times[..maxLength];
    }
}
