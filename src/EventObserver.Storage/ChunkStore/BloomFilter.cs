namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// A per-chunk bloom filter over lookup hashes: 32 bits per entry and 7 probes, so a lookup touches
/// a wrong chunk with a probability of about 1 in 100,000 (at a million events, 4,000 chunks, a
/// wrong chunk is read for about one lookup in 25). The size is the filter's length, so filters
/// written with fewer bits per entry (20, before lineage lookups) still read correctly.
/// </summary>
internal static class BloomFilter
{
    private const int BitsPerEntry = 32;
    public const int Probes = 7;

    public static ulong[] Create(IReadOnlyCollection<ulong> hashes)
    {
        var words = Math.Max(1, (hashes.Count * BitsPerEntry + 63) / 64);
        var bits = new ulong[words];
        foreach (var hash in hashes)
        {
            Add(bits, hash);
        }

        return bits;
    }

    // Probe positions are (h1 + i*h2) mod size in 32-bit arithmetic: a filter has far fewer than 2^32
    // bits, so the 32-bit remainder equals the 64-bit one Add uses, and is several times cheaper.
    public static bool MightContain(ulong[] bits, ulong hash)
    {
        var size = (uint)bits.Length * 64;
        var h1 = (uint)hash;
        var h2 = (uint)(hash >> 32) | 1;
        for (uint i = 0; i < Probes; i++)
        {
            var bit = (h1 + i * h2) % size;
            if ((bits[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(ulong[] bits, ulong hash)
    {
        var size = (ulong)bits.Length * 64;
        var h1 = (uint)hash;
        var h2 = (uint)(hash >> 32) | 1;
        for (uint i = 0; i < Probes; i++)
        {
            var bit = (h1 + i * h2) % size;
            bits[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }
}
