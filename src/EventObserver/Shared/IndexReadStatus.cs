namespace EventObserver.Shared;

/// <summary>How a read through <see cref="IndexReads"/> ended.</summary>
public enum IndexReadStatus
{
    /// <summary>The read ran; <see cref="IndexRead{T}.Value"/> holds its result.</summary>
    Read,

    /// <summary>No index is open yet (the cluster id is not known and no earlier index exists).</summary>
    NoIndex,

    /// <summary>The read threw; <see cref="IndexRead{T}.Error"/> says what, and the exception was logged.</summary>
    Failed,
}
