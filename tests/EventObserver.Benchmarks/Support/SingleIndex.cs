using System.Diagnostics.CodeAnalysis;

using EventObserver.Core.Indexing;

namespace EventObserver.Benchmarks.Support;

/// <summary>One open index as the current one (no cluster switches in a benchmark).</summary>
internal sealed class SingleIndex(IEventIndex index) : ICurrentIndex
{
    public IndexSwitchNotice? LastSwitch => null;

    public event Action<IEventIndex>? Changed
    {
        add { }
        remove { }
    }

    public bool TryGet([NotNullWhen(true)] out IEventIndex? current)
    {
        current = index;
        return true;
    }

    public IEventIndex OpenForCluster(string clusterId) => index;
}
