using System.Diagnostics.CodeAnalysis;
using System.Reflection;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.TestSupport;

/// <summary>
/// A current index that hands back exactly the envelope instances it was given, with every property as set (the real
/// index stores only what its format keeps). Answers <see cref="IEventIndex.Get"/>, <see cref="IEventIndex.Query"/>
/// (every event, newest first), <see cref="IEventIndex.ReadOldestFirst"/>, <see cref="IEventIndex.Count"/> and
/// <see cref="IEventIndex.GetStatistics"/> (empty); anything else throws <see cref="NotSupportedException"/>.
/// </summary>
public sealed class EnvelopeIndex : ICurrentIndex
{
    private readonly IEventIndex _index;

    public EnvelopeIndex(params EventEnvelope[] envelopes)
    {
        _index = DispatchProxy.Create<IEventIndex, ListProxy>();
        ((ListProxy)_index).Events = envelopes;
    }

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

    /// <summary>The proxy behind the index (public and non-sealed because <see cref="DispatchProxy"/> derives from it).</summary>
    public class ListProxy : DispatchProxy
    {
        internal IReadOnlyList<EventEnvelope> Events { get; set; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_ClusterId" => "in-memory",
            "get_FilePath" => "",
            nameof(IEventIndex.Get) => Events.FirstOrDefault(e =>
                e.Topic == (string)args![0]! && e.Partition == (int)args[1]! && e.Offset == (long)args[2]!),
            nameof(IEventIndex.Query) => (IReadOnlyList<EventEnvelope>)[.. Events.OrderByDescending(e => e.TimestampMs)],
            nameof(IEventIndex.ReadOldestFirst) => Events.OrderBy(e => e.TimestampMs),
            nameof(IEventIndex.Count) => (long)Events.Count,
            nameof(IEventIndex.GetStatistics) => IndexStatistics.Empty,
            _ => throw new NotSupportedException($"{targetMethod?.Name} is not part of this test index."),
        };
    }
}
