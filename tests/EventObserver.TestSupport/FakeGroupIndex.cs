using System.Diagnostics.CodeAnalysis;
using System.Reflection;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.TestSupport;

/// <summary>
/// A current index that answers <c>Get</c> and <c>ReadOldestFirst</c> over partition ranges from (partition, offset,
/// timestamp) entries, and <c>GetCheckpoints</c>, counting reads.
/// </summary>
public sealed class FakeGroupIndex : ICurrentIndex
{
    private readonly IEventIndex _index;
    private int _gets;

    public FakeGroupIndex()
    {
        _index = DispatchProxy.Create<IEventIndex, Proxy>();
        ((Proxy)_index).Owner = this;
    }

    public Dictionary<(string Topic, int Partition, long Offset), long> Timestamps { get; } = [];

    public Dictionary<TopicPartitionKey, long> Checkpoints { get; } = [];

    /// <summary>Answers positions not in <see cref="Timestamps"/> (large fakes); null: not indexed.</summary>
    public Func<string, int, long, long?>? TimestampOf { get; set; }

    /// <summary>Reads made: single gets and range reads.</summary>
    public int Gets => _gets;

    public bool Open { get; set; } = true;

    public IndexSwitchNotice? LastSwitch => null;

    public event Action<IEventIndex>? Changed
    {
        add { }
        remove { }
    }

    public void Add(string topic, int partition, long offset, DateTimeOffset at)
    {
        Timestamps[(topic, partition, offset)] = at.ToUnixTimeMilliseconds();
        var key = new TopicPartitionKey(topic, partition);
        Checkpoints[key] = Math.Max(Checkpoints.GetValueOrDefault(key), offset + 1);
    }

    public bool TryGet([NotNullWhen(true)] out IEventIndex? index)
    {
        index = Open ? _index : null;
        return Open;
    }

    public IEventIndex OpenForCluster(string clusterId) => _index;

    private List<EventEnvelope> Range(EventRange range)
    {
        var found = new List<EventEnvelope>();
        foreach (var part in range.Selection.Ranges)
        {
            var last = Math.Min(part.ToOffset ?? long.MaxValue, Checkpoints.GetValueOrDefault(new TopicPartitionKey(part.Topic, part.Partition)) - 1);
            for (var offset = part.FromOffset ?? 0; offset <= last; offset++)
            {
                long? at = Timestamps.TryGetValue((part.Topic, part.Partition, offset), out var ms) ? ms : TimestampOf?.Invoke(part.Topic, part.Partition, offset);
                if (at is { } timestamp)
                {
                    found.Add(new EventEnvelope { Topic = part.Topic, Partition = part.Partition, Offset = offset, TimestampMs = timestamp, MessageId = $"{part.Topic}-{offset}" });
                }
            }
        }

        return found;
    }

    /// <summary>The proxy (public and non-sealed because <see cref="DispatchProxy"/> derives from it).</summary>
    public class Proxy : DispatchProxy
    {
        internal FakeGroupIndex Owner { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case nameof(IEventIndex.Get):
                    Interlocked.Increment(ref Owner._gets);
                    var (topic, partition, offset) = ((string)args![0]!, (int)args[1]!, (long)args[2]!);
                    long? at = Owner.Timestamps.TryGetValue((topic, partition, offset), out var ms) ? ms : Owner.TimestampOf?.Invoke(topic, partition, offset);
                    return at is { } found
                        ? new EventEnvelope { Topic = topic, Partition = partition, Offset = offset, TimestampMs = found, MessageId = $"{topic}-{offset}" }
                        : null;
                case nameof(IEventIndex.ReadOldestFirst):
                    Interlocked.Increment(ref Owner._gets);
                    return Owner.Range((EventRange)args![0]!);
                case nameof(IEventIndex.GetCheckpoints):
                    return (IReadOnlyDictionary<TopicPartitionKey, long>)new Dictionary<TopicPartitionKey, long>(Owner.Checkpoints);
                default:
                    throw new NotSupportedException(targetMethod?.Name);
            }
        }
    }
}
