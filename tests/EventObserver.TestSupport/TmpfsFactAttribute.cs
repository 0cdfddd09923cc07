using Xunit;

namespace EventObserver.TestSupport;

/// <summary>A fact that mounts a tmpfs: skipped, with the reason, when the process may not (<see cref="TmpfsMount.SkipReason"/>).</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (TmpfsMount.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
