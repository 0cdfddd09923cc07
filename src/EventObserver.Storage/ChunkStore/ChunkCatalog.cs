using EventObserver.Core.Indexing;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// The in-memory catalog of an index: partition and type numbers, checkpoints, every chunk's
/// <see cref="ChunkMeta"/> and the counts behind the statistics. Mutated only after a LiteDB
/// commit succeeded, so it never runs ahead of the file. Thread-safe.
/// </summary>
internal sealed partial class ChunkCatalog
{
    private readonly Lock _sync = new();
    private readonly Dictionary<TopicPartitionKey, int> _partitionNumbers = [];
    private readonly Dictionary<int, TopicPartitionKey> _partitions = [];
    private readonly Dictionary<string, int> _typeNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<ChunkMeta>> _chunks = [];
    private readonly Dictionary<int, long> _checkpoints = [];
    private readonly Dictionary<string, TopicCounter> _topics = new(StringComparer.Ordinal);
    private long _total;
    private BloomTable? _blooms;

    public long TotalEvents
    {
        get { lock (_sync) { return _total; } }
    }

    public int NextPartitionNumber
    {
        get { lock (_sync) { return _partitions.Count == 0 ? 1 : _partitions.Keys.Max() + 1; } }
    }

    public int NextTypeNumber
    {
        get { lock (_sync) { return _typeNumbers.Count == 0 ? 1 : _typeNumbers.Values.Max() + 1; } }
    }

    public bool TryGetPartitionNumber(TopicPartitionKey key, out int number)
    {
        lock (_sync) { return _partitionNumbers.TryGetValue(key, out number); }
    }

    public TopicPartitionKey GetPartition(int number)
    {
        lock (_sync) { return _partitions[number]; }
    }

    public bool TryGetTypeNumber(string type, out int number)
    {
        lock (_sync) { return _typeNumbers.TryGetValue(type, out number); }
    }

    public long? GetCheckpoint(int partitionNumber)
    {
        lock (_sync) { return _checkpoints.TryGetValue(partitionNumber, out var next) ? next : null; }
    }

    public void AddPartition(int number, TopicPartitionKey key)
    {
        lock (_sync)
        {
            _partitionNumbers[key] = number;
            _partitions[number] = key;
            _chunks.TryAdd(number, []);
            Counter(key.Topic).Partitions++;
        }
    }

    public void AddType(int number, string type)
    {
        lock (_sync) { _typeNumbers[type] = number; }
    }

    public void SetCheckpoint(int partitionNumber, long next)
    {
        lock (_sync)
        {
            if (!_checkpoints.TryGetValue(partitionNumber, out var current) || next > current)
            {
                _checkpoints[partitionNumber] = next;
            }
        }
    }

    public void AddChunk(ChunkMeta meta)
    {
        lock (_sync)
        {
            var list = _chunks[meta.PartitionNo];
            var at = list.Count;
            while (at > 0 && list[at - 1].FirstOffset > meta.FirstOffset)
            {
                at--;
            }

            list.Insert(at, meta);
            _blooms?.Append(meta);
            _total += meta.Count;
            var counter = Counter(_partitions[meta.PartitionNo].Topic);
            counter.Count += meta.Count;
            counter.LastTimestampMs = Math.Max(counter.LastTimestampMs ?? long.MinValue, meta.MaxTimestampMs);
        }
    }

    /// <summary>Removes chunks (one pass per partition, so retention of many chunks stays linear).</summary>
    public void RemoveChunks(IReadOnlyCollection<ChunkMeta> metas)
    {
        lock (_sync)
        {
            var affectedTopics = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in metas.GroupBy(m => m.PartitionNo))
            {
                var doomed = group.ToHashSet();
                var list = _chunks[group.Key];
                var topic = _partitions[group.Key].Topic;
                var before = list.Sum(c => (long)c.Count);
                list.RemoveAll(doomed.Contains);
                _blooms = null;
                var removed = before - list.Sum(c => (long)c.Count);
                _total -= removed;
                Counter(topic).Count -= removed;
                affectedTopics.Add(topic);
            }

            foreach (var topic in affectedTopics)
            {
                Counter(topic).LastTimestampMs = _partitions
                    .Where(p => p.Value.Topic == topic)
                    .SelectMany(p => _chunks[p.Key])
                    .Select(c => (long?)c.MaxTimestampMs)
                    .Max();
            }
        }
    }

    public IReadOnlyDictionary<TopicPartitionKey, long> GetCheckpoints()
    {
        lock (_sync) { return _checkpoints.ToDictionary(c => _partitions[c.Key], c => c.Value); }
    }

    public ChunkMeta? FindChunk(TopicPartitionKey key, long offset)
    {
        lock (_sync)
        {
            if (!_partitionNumbers.TryGetValue(key, out var number))
            {
                return null;
            }

            var list = _chunks[number];
            int lo = 0, hi = list.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var chunk = list[mid];
                if (offset < chunk.FirstOffset)
                {
                    hi = mid - 1;
                }
                else if (offset > chunk.LastOffset)
                {
                    lo = mid + 1;
                }
                else
                {
                    return chunk;
                }
            }

            return null;
        }
    }

    /// <summary>Chunks that may hold a match, newest (by latest timestamp) first.</summary>
    public List<ChunkMeta> Candidates(ChunkFilter filter)
    {
        lock (_sync)
        {
            var result = new List<ChunkMeta>();
            foreach (var (number, chunks) in _chunks)
            {
                var key = _partitions[number];
                if (filter.IncludesPartition(key))
                {
                    result.AddRange(chunks.Where(c => filter.MightMatch(key, c)));
                }
            }

            result.Sort((a, b) => b.MaxTimestampMs.CompareTo(a.MaxTimestampMs));
            return result;
        }
    }

    /// <summary>Copies of the chunk lists of the partitions <paramref name="include"/> accepts, each in offset order.</summary>
    public List<(TopicPartitionKey Key, List<ChunkMeta> Chunks)> ByPartition(Func<TopicPartitionKey, bool> include)
    {
        lock (_sync)
        {
            var result = new List<(TopicPartitionKey, List<ChunkMeta>)>();
            foreach (var (number, chunks) in _chunks)
            {
                var key = _partitions[number];
                if (include(key))
                {
                    result.Add((key, [.. chunks]));
                }
            }

            return result;
        }
    }

    /// <summary>
    /// Chunks whose bloom filter may hold <paramref name="hash"/>, oldest (by earliest timestamp)
    /// first. For a dead-letter lookup, chunks without dead letters are skipped and chunks from
    /// before dead letters were indexed are always included.
    /// </summary>
    public List<ChunkMeta> Probe(ulong hash, bool deadLetterLookup)
    {
        BloomTable.Snapshot blooms;
        lock (_sync)
        {
            _blooms ??= new BloomTable([.. _chunks.Values.SelectMany(c => c)]);
            blooms = _blooms.Take();
        }

        var result = new List<ChunkMeta>();
        if (deadLetterLookup)
        {
            blooms.ProbeDeadLetters(hash, result);
        }
        else
        {
            blooms.Probe(hash, result);
        }

        DropReplaced(result);
        result.Sort(ByEarliest);
        return result;
    }

    /// <summary>All chunks, oldest (by earliest timestamp) first.</summary>
    public List<ChunkMeta> OldestFirst()
    {
        lock (_sync)
        {
            var result = _chunks.Values.SelectMany(c => c).ToList();
            result.Sort(ByEarliest);
            return result;
        }
    }

    public IReadOnlyDictionary<string, TopicIndexStatistics> TopicStatistics()
    {
        lock (_sync)
        {
            return _topics.ToDictionary(
                t => t.Key,
                t => new TopicIndexStatistics(
                    t.Key,
                    t.Value.Count,
                    t.Value.LastTimestampMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
                    t.Value.Partitions),
                StringComparer.Ordinal);
        }
    }

    private static int ByEarliest(ChunkMeta a, ChunkMeta b) => a.MinTimestampMs != b.MinTimestampMs
        ? a.MinTimestampMs.CompareTo(b.MinTimestampMs)
        : a.Id.CompareTo(b.Id);

    private TopicCounter Counter(string topic)
    {
        if (!_topics.TryGetValue(topic, out var counter))
        {
            counter = new TopicCounter();
            _topics[topic] = counter;
        }

        return counter;
    }

    private sealed class TopicCounter
    {
        public long Count { get; set; }
        public long? LastTimestampMs { get; set; }
        public int Partitions { get; set; }
    }
}
