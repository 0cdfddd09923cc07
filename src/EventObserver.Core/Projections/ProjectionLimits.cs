namespace EventObserver.Core.Projections;

/// <summary>
/// What one projection run may consume. Every script call (the top-level script, <c>$init</c>, <c>partitionBy</c>,
/// a typed handler, <c>$any</c>, the state serialisation) gets its own timeout, statement and allocation budget.
/// </summary>
public sealed record ProjectionLimits
{
    public static ProjectionLimits Default { get; } = new();

    /// <summary>
    /// Wall-clock budget of one script call. The statement cap is the deterministic bound; this one catches what
    /// statements do not count (a regex, a sort of a huge array), with room for a GC pause on a busy 2-core host.
    /// </summary>
    public TimeSpan TimeoutPerCall { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Statements one script call may execute.</summary>
    public int MaxStatementsPerCall { get; init; } = 1_000_000;

    /// <summary>How many times one function may be on the call stack at once.</summary>
    public int MaxRecursionDepth { get; init; } = 256;

    /// <summary>Bytes one script call may allocate (Jint measures the thread's allocations during the call).</summary>
    public long MaxMemoryBytesPerCall { get; init; } = 64L * 1024 * 1024;

    /// <summary>Elements of one array; also bounds <c>Array(n)</c>, <c>Array.from</c> and spreads before they allocate.</summary>
    public uint MaxArrayLength { get; init; } = 1_000_000;

    /// <summary>Longest JSON text (UTF-16 code units) of one state: the whole state, or each partition's state.</summary>
    public long MaxStateJsonLength { get; init; } = 4L * 1024 * 1024;

    /// <summary>
    /// A state is measured exactly (serialised) at least every this many events applied to it; in between it is
    /// measured whenever the bytes allocated since the last measure could have pushed it past the cap.
    /// </summary>
    public int StateCheckInterval { get; init; } = 256;

    /// <summary>
    /// Bytes a run may keep alive between events: its states, what its script keeps in variables and closures, and
    /// the engine itself. Measured (see <see cref="Memory.RunMemoryMeter"/>) whenever the bytes allocated since the last
    /// measure could have pushed it past this; a run over it is stopped. The default holds the order-lifecycle
    /// template's state over 1,000,000 demo events (125,000 orders, about 330 MB).
    /// </summary>
    public long MaxRunMemoryBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Distinct partitions a partitioned projection may create.</summary>
    public int MaxPartitions { get; init; } = 1_000_000;

    /// <summary>Evaluate the script in strict mode.</summary>
    public bool Strict { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TimeoutPerCall, TimeSpan.Zero, nameof(TimeoutPerCall));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStatementsPerCall, 1, nameof(MaxStatementsPerCall));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecursionDepth, 1, nameof(MaxRecursionDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMemoryBytesPerCall, 1024, nameof(MaxMemoryBytesPerCall));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxArrayLength, 1u, nameof(MaxArrayLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStateJsonLength, 2, nameof(MaxStateJsonLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(StateCheckInterval, 1, nameof(StateCheckInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPartitions, 1, nameof(MaxPartitions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRunMemoryBytes, 1024L * 1024, nameof(MaxRunMemoryBytes));
    }
}
