using EventObserver.Core.Envelopes;
using EventObserver.Storage.ChunkStore;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

using LiteDB;

namespace EventObserver.Storage.Tests.Index;

public sealed class CompressedIndexTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Get_EveryRecordShapeAfterReopen_RoundTripsThroughVersion3()
    {
        var path = _dir.File("index.db");
        var events = RecordShapes.All("shapes");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(events);
        }

        Assert.All(StoredVersions(path), v => Assert.Equal(3, v));
        using var reopened = LiteDbEventIndex.Open(path);
        foreach (var original in events)
        {
            Assert.Equivalent(original, reopened.Get("shapes", 0, original.Offset), strict: true);
        }
    }

    [Fact]
    public void Open_ChunksWrittenByTheUncompressedCode_StillReadBesideNewOnes()
    {
        var path = _dir.File("index.db");
        var old = RecordShapes.All("shapes"); // decoded records: a version-2 chunk
        // Version 1, and big enough that the next write does not merge it (ChunkCatalog.MergeTailBelow).
        var plain = Enumerable.Range(0, 100).Select(i => RecordShapes.Json("plain", 0, i)).ToList();
        using (var index = LiteDbEventIndex.Open(path, IndexCompression.None))
        {
            index.Write(old);
            index.Write(plain);
        }

        var added = Enumerable.Range(100, 50).Select(i => RecordShapes.Json("plain", 0, i)).ToList();
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(added);
        }

        Assert.Equal([1, 2, 3], StoredVersions(path).Order());
        using var reopened = LiteDbEventIndex.Open(path);
        Assert.Equivalent(old[6], reopened.Get("shapes", 0, 6), strict: true);
        Assert.Equivalent(plain[7], reopened.Get("plain", 0, 7), strict: true);
        Assert.Equivalent(added[7], reopened.Get("plain", 0, 107), strict: true);
        Assert.Equal(150, reopened.Count(new Core.Indexing.EventRange { Selection = new Core.Selection.EventSelection { Topics = ["plain"] } }));
    }

    [Fact]
    public void Lookups_CompressedChunks_FindByIdsAndCountWithoutDecodingTwice()
    {
        var path = _dir.File("index.db");
        var events = Enumerable.Range(0, 200).Select(i => RecordShapes.Json("orders", i % 2, i)).ToList();
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(events);
        }

        using var reopened = LiteDbEventIndex.Open(path);
        var target = events[37];
        var byId = Assert.Single(reopened.Lineage.FindByMessageId(target.MessageId!, 10));
        var correlated = reopened.Lineage.FindByCorrelationId(target.CorrelationId!, 100);
        var count = reopened.Lineage.CountByCorrelationId(target.CorrelationId!);

        Assert.Equivalent(target, byId, strict: true);
        Assert.Equal(events.Where(e => e.CorrelationId == target.CorrelationId).Select(e => e.Offset), correlated.Select(e => e.Offset).Order());
        Assert.Equal(correlated.Count, count);
        var meta = reopened.Catalog.FindChunk(new Core.Indexing.TopicPartitionKey("orders", 1), 37)!;
        Assert.True(reopened.Cache.TryGet(meta, out var cached));
        Assert.InRange(cached[0], 1, 2); // the cache holds the plain body, not the compressed one
    }

    [Fact]
    public void Open_NewestChunkDoesNotDecompress_RefusesTheFileAsDamaged()
    {
        var path = _dir.File("index.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(Enumerable.Range(0, 100).Select(i => RecordShapes.Json("orders", 0, i)).ToList());
        }

        ScrambleChunk(path, chunkIndex: 0);

        // The open-time check reads each partition's newest chunk as it is read later: after decompression.
        var refused = Assert.Throws<InvalidDataException>(() => LiteDbEventIndex.Open(path));
        Assert.Contains("orders/0", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_MiddleChunkDoesNotDecompress_FailsThatReadWithOneClearErrorAndServesTheOthers()
    {
        var path = _dir.File("index.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            // Three batches of 100: each is its own chunk (too big to be merged as a tail).
            for (var batch = 0; batch < 3; batch++)
            {
                index.Write(Enumerable.Range(batch * 100, 100).Select(i => RecordShapes.Json("orders", 0, i)).ToList());
            }
        }

        ScrambleChunk(path, chunkIndex: 1);

        using var reopened = LiteDbEventIndex.Open(path);
        var failure = Assert.Throws<CorruptIndexException>(() => reopened.Get("orders", 0, 150));
        Assert.Contains("100–199", failure.Message, StringComparison.Ordinal);
        Assert.NotNull(reopened.Get("orders", 0, 50));
        Assert.NotNull(reopened.Get("orders", 0, 250));
    }

    [Fact]
    public void ReadOldestFirst_PlannedBeforeATailMerge_ReadsThePlannedEventsWithoutCallingTheChunkDamaged()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("index.db"));
        index.Write(Enumerable.Range(0, 16).Select(i => RecordShapes.Json("orders", 0, i)).ToList());
        var range = new Core.Indexing.EventRange
        {
            Selection = new Core.Selection.EventSelection { Topics = ["orders"] },
            EndOffsets = index.GetCheckpoints(),
        };
        var planned = index.ReadOldestFirst(range);

        // The 16-event chunk is a tail: the next write merges it with the new event under the same id.
        index.Write([RecordShapes.Json("orders", 0, 16)]);

        Assert.Equal(Enumerable.Range(0, 16).Select(i => (long)i), planned.Select(e => e.Offset));
        Assert.Single(index.Catalog.ByPartition(_ => true).Single().Chunks);
    }

    private static void ScrambleChunk(string path, int chunkIndex)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var chunks = db.GetCollection(LiteDbEventIndex.ChunkCollection);
        var doc = chunks.FindAll().OrderBy(d => d["_id"].AsInt64).ElementAt(chunkIndex);
        var data = doc["d"].AsBinary;
        Assert.Equal(ChunkCompression.Version3, data[0]);
        for (var i = 8; i < data.Length; i += 5)
        {
            data[i] ^= 0xA5;
        }

        doc["d"] = data;
        chunks.Update(doc);
    }

    [Fact]
    public void Write_TopicPastItsSamples_TrainsOneDictionaryThatSurvivesReopen()
    {
        var path = _dir.File("index.db");
        var offset = 0;
        List<EventEnvelope> Batch(int n) => [.. Enumerable.Range(0, n).Select(_ => RecordShapes.Json("orders", 0, offset++))];
        using (var index = LiteDbEventIndex.Open(path, IndexCompression.ZstdWithDictionaries))
        {
            while (DictionaryCount(index) == 0 && offset < 5_000)
            {
                index.Write(Batch(20));
            }
        }

        var small = Batch(3);
        using (var index = LiteDbEventIndex.Open(path, IndexCompression.ZstdWithDictionaries))
        {
            index.Write(small);
        }

        using var reopened = LiteDbEventIndex.Open(path);
        Assert.Equal(1, DictionaryCount(reopened));
        Assert.Equivalent(small[2], reopened.Get("orders", 0, small[2].Offset), strict: true);
        Assert.Equivalent(small[0], Assert.Single(reopened.Lineage.FindByMessageId(small[0].MessageId!, 5)), strict: true);
        Assert.Contains(StoredDictionaryIds(path), id => id > 0);
    }

    [Fact]
    public void Write_JsonTraffic_TakesAtMostSixTenthsOfTheRawBytes()
    {
        var path = _dir.File("index.db");
        long raw = 0;
        const int Events = 20_000;
        using (var index = LiteDbEventIndex.Open(path))
        {
            // Batches as the consume loop makes them under load, over a few partitions.
            for (var first = 0; first < Events; first += 2_000)
            {
                var batch = Enumerable.Range(first, 2_000).Select(i => RecordShapes.Json("orders", i % 4, i / 4)).ToList();
                raw += batch.Sum(RecordShapes.RawBytes);
                index.Write(batch);
            }
        }

        var disk = new FileInfo(path).Length + (File.Exists(LiteDbEventIndex.LogFilePath(path)) ? new FileInfo(LiteDbEventIndex.LogFilePath(path)).Length : 0);

        Assert.True(disk <= 0.6 * raw, $"{disk / (double)Events:N0} bytes per event on disk, {raw / (double)Events:N0} raw");
    }

    [Fact]
    public void Write_BatchesOfAFewEvents_MergeIntoBigChunksAndEveryEventIsFoundOnce()
    {
        var path = _dir.File("index.db");
        var events = Enumerable.Range(0, 300).Select(i => RecordShapes.Json("orders", 0, i)).ToList();
        using var index = LiteDbEventIndex.Open(path);
        var beforeMerge = index.Lineage; // probes before and after merges share the bloom table's stale entries
        for (var i = 0; i < events.Count; i += 3)
        {
            index.Write(events.GetRange(i, 3));
            Assert.Single(beforeMerge.FindByMessageId(events[i].MessageId!, 10));
        }

        var chunks = index.Catalog.ByPartition(_ => true).Single().Chunks;
        Assert.All(chunks.SkipLast(1), c => Assert.True(c.Count >= ChunkCatalog.MergeTailBelow, $"chunk of {c.Count}"));
        Assert.Equal(300, index.GetStatistics().TotalEvents);
        foreach (var e in events)
        {
            Assert.Equivalent(e, Assert.Single(index.Lineage.FindByMessageId(e.MessageId!, 10)), strict: true);
        }

        Assert.Equal(300, index.Count(new Core.Indexing.EventRange()));
        Assert.Equal(events.Select(e => e.Offset), index.ReadOldestFirst(new Core.Indexing.EventRange()).Select(e => e.Offset));
    }

    private static int DictionaryCount(LiteDbEventIndex index) => index.Dictionaries.Count;

    private static List<int> StoredVersions(string path)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true });
        return [.. db.GetCollection(LiteDbEventIndex.ChunkCollection).FindAll().Select(d => (int)d["d"].AsBinary[0]).Distinct()];
    }

    private static List<int> StoredDictionaryIds(string path)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true });
        return [.. db.GetCollection(LiteDbEventIndex.ChunkCollection).FindAll()
            .Select(d => d["d"].AsBinary)
            .Where(d => d[0] == ChunkCompression.Version3)
            .Select(d => (int)d[2])];
    }
}
