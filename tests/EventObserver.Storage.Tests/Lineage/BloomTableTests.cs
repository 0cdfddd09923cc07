using EventObserver.Storage.ChunkStore;

namespace EventObserver.Storage.Tests.Lineage;

public sealed class BloomTableTests
{
    [Fact]
    public void Probe_ManyFiltersOfDifferentSizes_AgreesWithBloomFilterExactly()
    {
        var random = new Random(12345);
        var chunks = new List<ChunkMeta>();
        var inserted = new List<ulong>();
        for (var c = 0; c < 200; c++)
        {
            var hashes = Enumerable.Range(0, random.Next(1, 1_100)).Select(_ => (ulong)random.NextInt64()).ToList();
            inserted.AddRange(hashes.Take(3));
            chunks.Add(Meta(c, BloomFilter.Create(hashes), hasDeadLetters: false));
        }

        // Built from half, appended the rest: both paths must lay out the same bits.
        var table = new BloomTable(chunks.Take(100).ToList());
        chunks.Skip(100).ToList().ForEach(table.Append);
        var probes = inserted.Concat(Enumerable.Range(0, 2_000).Select(_ => (ulong)random.NextInt64())).ToList();

        foreach (var hash in probes)
        {
            var found = new List<ChunkMeta>();
            table.Take().Probe(hash, found);
            Assert.Equal(chunks.Where(c => BloomFilter.MightContain(c.Bloom, hash)).Select(c => c.Id), found.Select(c => c.Id));
        }
    }

    [Fact]
    public void ProbeDeadLetters_SkipsChunksWithoutAndKeepsChunksFromBeforeDeadLettersWereIndexed()
    {
        var hash = LookupHash.OfDeadLetter("orders", 0, 5);
        var table = new BloomTable(
        [
            Meta(1, BloomFilter.Create([hash]), hasDeadLetters: false),
            Meta(2, BloomFilter.Create([hash]), hasDeadLetters: true),
            Meta(3, BloomFilter.Create([LookupHash.OfDeadLetter("orders", 0, 6)]), hasDeadLetters: true),
            Meta(4, BloomFilter.Create([1UL]), hasDeadLetters: null),
        ]);

        var found = new List<ChunkMeta>();
        table.Take().ProbeDeadLetters(hash, found);

        Assert.Equal([2L, 4L], found.Select(c => c.Id).Order());
    }

    private static ChunkMeta Meta(long id, ulong[] bloom, bool? hasDeadLetters) => new()
    {
        Id = id,
        PartitionNo = 0,
        FirstOffset = id,
        LastOffset = id,
        Count = 1,
        MinTimestampMs = 0,
        MaxTimestampMs = 0,
        KindMask = 1,
        TypeNumbers = [],
        Bloom = bloom,
        HasDeadLetters = hasDeadLetters,
    };
}
