using System.Collections.Concurrent;

using LiteDB;

using ZstdSharp;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// The zstd side of the index: one compressor per dictionary for the writer, pooled decompressors for readers, and the
/// per-topic dictionaries, trained on the writer thread from the records of a topic's first chunks and kept in the
/// file's <c>dictionaries</c> collection (<c>_id</c> id, <c>t</c> topic, <c>d</c> bytes). A dictionary is saved in the
/// same transaction as the first chunk that uses it (<see cref="Unsaved"/>), so no stored chunk names a missing one.
/// </summary>
/// <remarks>
/// A dictionary pays where chunks are small: at demo rates a 50 ms batch leaves a handful of events per partition, and
/// zstd alone finds little to share inside a chunk of three 800-byte records, while the JSON field names, header names
/// and fixed values they repeat are exactly what a dictionary holds.
/// </remarks>
internal sealed class ChunkDictionaries : IDisposable
{
    public const string Collection = "dictionaries";

    /// <summary>Record bytes of one topic collected before training; zstd wants samples of many times the dictionary's size.</summary>
    public const int SampleBytes = 128 * 1024;
    public const int MinSamples = 32;
    public const int DictionaryBytes = 16 * 1024;

    private readonly bool _train;
    private readonly ConcurrentDictionary<int, byte[]> _dictionaries = new();
    private readonly ConcurrentDictionary<int, ConcurrentBag<Decompressor>> _decompressors = new();

    // Writer-side state: touched only under the index's write lock.
    private readonly Dictionary<string, int> _topicDictionary = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Compressor> _compressors = [];
    private readonly Dictionary<string, Samples> _samples = new(StringComparer.Ordinal);
    private readonly List<(int Id, string Topic)> _unsaved = [];
    private readonly ChunkWriter _scratch = new();

    public ChunkDictionaries(bool train) => _train = train;

    public int Count => _dictionaries.Count;

    public void Load(ILiteCollection<BsonDocument> collection)
    {
        foreach (var doc in collection.FindAll().OrderBy(d => d["_id"].AsInt32))
        {
            var id = doc["_id"].AsInt32;
            _dictionaries[id] = doc["d"].AsBinary;
            _topicDictionary[doc["t"].AsString] = id;
        }
    }

    /// <summary>The stored form of a chunk body: version 3 when that is smaller, else the body itself.</summary>
    public byte[] Compress(string topic, ReadOnlySpan<byte> body)
    {
        if (_train && !_topicDictionary.ContainsKey(topic))
        {
            Sample(topic, body);
        }

        var id = _topicDictionary.GetValueOrDefault(topic);
        if (!_compressors.TryGetValue(id, out var compressor))
        {
            compressor = ChunkCompression.NewCompressor(id == 0 ? null : _dictionaries[id]);
            _compressors[id] = compressor;
        }

        return ChunkCompression.Wrap(body, compressor, id, _scratch) ?? body.ToArray();
    }

    /// <summary>Dictionaries chunks may already use but the file does not hold yet: write them in the same transaction.</summary>
    public List<BsonDocument> Unsaved() => _unsaved.ConvertAll(u => new BsonDocument
    {
        ["_id"] = u.Id,
        ["t"] = u.Topic,
        ["d"] = _dictionaries[u.Id],
    });

    /// <summary>After a commit: the dictionaries written by it are in the file.</summary>
    public void MarkSaved(int count) => _unsaved.RemoveRange(0, Math.Min(count, _unsaved.Count));

    public Decompressor RentDecompressor(int id)
    {
        var pool = _decompressors.GetOrAdd(id, static _ => []);
        if (pool.TryTake(out var decompressor))
        {
            return decompressor;
        }

        decompressor = new Decompressor();
        if (id != 0)
        {
            if (!_dictionaries.TryGetValue(id, out var dictionary))
            {
                decompressor.Dispose();
                throw new InvalidDataException($"Index chunk names compression dictionary {id}, which the file does not hold.");
            }

            decompressor.LoadDictionary(dictionary);
        }

        return decompressor;
    }

    public void ReturnDecompressor(int id, Decompressor decompressor)
    {
        // A handful per dictionary covers the concurrent readers; more would only hold memory.
        var pool = _decompressors.GetOrAdd(id, static _ => []);
        if (pool.Count < Environment.ProcessorCount * 2)
        {
            pool.Add(decompressor);
        }
        else
        {
            decompressor.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var compressor in _compressors.Values)
        {
            compressor.Dispose();
        }

        foreach (var pool in _decompressors.Values)
        {
            while (pool.TryTake(out var decompressor))
            {
                decompressor.Dispose();
            }
        }
    }

    private void Sample(string topic, ReadOnlySpan<byte> body)
    {
        if (!_samples.TryGetValue(topic, out var samples))
        {
            samples = new Samples();
            _samples[topic] = samples;
        }

        if (samples.GaveUp)
        {
            return;
        }

        // One sample per record: the unit a dictionary is meant to help with.
        var scanner = new ChunkScanner(body);
        var previous = -1;
        while (scanner.MoveNext(out var record))
        {
            if (previous >= 0)
            {
                samples.Add(body[previous..record.Start].ToArray());
            }

            previous = record.Start;
        }

        if (previous >= 0)
        {
            samples.Add(body[previous..].ToArray());
        }

        if (samples.Bytes < SampleBytes || samples.Records.Count < MinSamples)
        {
            return;
        }

        try
        {
            var dictionary = DictBuilder.TrainFromBuffer(samples.Records, DictionaryBytes).ToArray();
            var id = _dictionaries.IsEmpty ? 1 : _dictionaries.Keys.Max() + 1;
            _dictionaries[id] = dictionary;
            _topicDictionary[topic] = id;
            _unsaved.Add((id, topic));
            _samples.Remove(topic);
        }
        catch (ZstdException)
        {
            // Too uniform or too few distinct records to learn from: the topic is compressed without one.
            samples.GiveUp();
        }
    }

    private sealed class Samples
    {
        public List<byte[]> Records { get; } = [];
        public long Bytes { get; private set; }
        public bool GaveUp { get; private set; }

        public void Add(byte[] record)
        {
            Records.Add(record);
            Bytes += record.Length;
        }

        public void GiveUp()
        {
            GaveUp = true;
            Records.Clear();
        }
    }
}
