namespace EventObserver.Core.Masking;

/// <summary>
/// One open object or array while a JSON payload is masked. Removed members are cut out in runs, so the kept ones
/// stay separated by exactly one of the original commas: a run before the first kept member ends where that member
/// starts, a run after a kept member starts where that member ends.
/// </summary>
internal struct JsonMaskingFrame
{
    public int NextIndex;
    public bool HasKept;
    public int LastKeptEnd;

    /// <summary>Start of the run of removed members not yet cut out; -1 when there is none.</summary>
    public int PendingStart;
    public int PendingEnd;

    public static JsonMaskingFrame Open() => new() { PendingStart = -1 };
}
