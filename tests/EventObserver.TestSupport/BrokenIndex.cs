using System.Diagnostics.CodeAnalysis;
using System.Reflection;

using EventObserver.Core.Indexing;

namespace EventObserver.TestSupport;

/// <summary>
/// A current index that is open but cannot be read: every call on it throws an <see cref="IOException"/> whose message
/// names a file, as a damaged or vanished index file would. For checking how readers report a failed read.
/// </summary>
public sealed class BrokenIndex : ICurrentIndex
{
    public const string ErrorText = "Disk read failed on /var/lib/eventobserver/index.db";

    private readonly IEventIndex _index = DispatchProxy.Create<IEventIndex, ThrowingProxy>();

    public IndexSwitchNotice? LastSwitch => null;

    public event Action<IEventIndex>? Changed
    {
        add { }
        remove { }
    }

    public bool TryGet([NotNullWhen(true)] out IEventIndex? index)
    {
        index = _index;
        return true;
    }

    public IEventIndex OpenForCluster(string clusterId) => _index;

    /// <summary>The proxy behind the broken index (public and non-sealed because <see cref="DispatchProxy"/> derives from it).</summary>
    public class ThrowingProxy : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new IOException(ErrorText);
    }
}
