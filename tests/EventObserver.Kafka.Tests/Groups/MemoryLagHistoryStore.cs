using EventObserver.Core.Groups;

namespace EventObserver.Kafka.Tests.Groups;

/// <summary>Lag samples in a list (the LiteDB store has its own tests); records trims.</summary>
internal sealed class MemoryLagHistoryStore : ILagHistoryStore
{
    private readonly List<(string GroupId, LagSample Sample)> _samples = [];
    private readonly Lock _sync = new();

    public List<DateTimeOffset> Trims { get; } = [];

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _samples.Count;
            }
        }
    }

    public void Append(DateTimeOffset at, IReadOnlyList<(string GroupId, LagSample Sample)> samples)
    {
        lock (_sync)
        {
            _samples.AddRange(samples);
        }
    }

    public IReadOnlyList<LagSample> Read(string groupId, DateTimeOffset since)
    {
        lock (_sync)
        {
            return [.. _samples.Where(s => s.GroupId == groupId && s.Sample.At >= since).Select(s => s.Sample).OrderBy(s => s.At)];
        }
    }

    public void Trim(DateTimeOffset before)
    {
        lock (_sync)
        {
            Trims.Add(before);
            _samples.RemoveAll(s => s.Sample.At < before);
        }
    }
}
