using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// The <c>groups</c> scenario's cluster: <paramref name="groups"/> stable groups of one member each, every group committed
/// on every partition, answering like a real cluster's admin API (list, describe with members and assignments, committed
/// offsets, watermarks) from memory. <see cref="Advance"/> moves committed offsets on (and log ends with them), as
/// consumers do between refreshes. Deterministic for a seed.
/// </summary>
internal sealed class BenchGroupAdmin : IConsumerGroupAdmin
{
    private readonly TopicPartitionKey[] _partitions;
    private readonly Dictionary<TopicPartitionKey, int> _partitionIndex;
    private readonly long[][] _committed;
    private readonly long[] _logEnds;
    private readonly string[] _groupIds;
    private readonly Random _random = new(12);

    public BenchGroupAdmin(int groups, IReadOnlyList<TopicPartitionKey> partitions, long logEnd, long lagAtMost)
    {
        _partitions = [.. partitions];
        _partitionIndex = _partitions.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        _logEnds = [.. _partitions.Select(_ => logEnd)];
        _groupIds = [.. Enumerable.Range(0, groups).Select(g => $"service-{g:D3}")];
        _committed = [.. _groupIds.Select(_ => _partitions.Select(_ => logEnd - _random.NextInt64(lagAtMost)).ToArray())];
    }

    public GroupAdminCapabilities Capabilities { get; } = new(true, true, "benchmark: admin client answering from memory");

    /// <summary>Every group consumes up to <paramref name="step"/> more on each partition (never past the log end).</summary>
    public void Advance(int step)
    {
        foreach (var offsets in _committed)
        {
            for (var p = 0; p < offsets.Length; p++)
            {
                offsets[p] = Math.Min(_logEnds[p], offsets[p] + _random.Next(step + 1));
            }
        }
    }

    public Task<IReadOnlyList<GroupListing>> ListGroupsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupListing>>([.. _groupIds.Select(id => new GroupListing(id, GroupState.Stable, false))]);

    public Task<IReadOnlyList<GroupDescription>> DescribeGroupsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupDescription>>([.. groupIds.Select(id => new GroupDescription(id, GroupState.Stable, "consumer", "cooperative-sticky",
            [new GroupMember($"{id}-1", id, "/10.1.0.1", _partitions)], true))]);

    public Task<IReadOnlyList<GroupCommittedOffsets>> GetCommittedOffsetsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupCommittedOffsets>>([.. groupIds.Select(id =>
        {
            var offsets = _committed[Array.IndexOf(_groupIds, id)];
            var map = new Dictionary<TopicPartitionKey, long>(_partitions.Length);
            for (var p = 0; p < _partitions.Length; p++)
            {
                map[_partitions[p]] = offsets[p];
            }

            return new GroupCommittedOffsets(id, map);
        })]);

    public Task<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>> GetWatermarksAsync(
        IReadOnlyCollection<TopicPartitionKey> partitions, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>>(
            partitions.ToDictionary(p => p, p => new PartitionWatermarks(0, _logEnds[_partitionIndex[p]])));

    public Task AlterCommittedOffsetsAsync(string groupId, IReadOnlyDictionary<TopicPartitionKey, long> offsets, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the benchmark only reads");
}
