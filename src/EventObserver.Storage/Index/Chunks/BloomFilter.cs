namespace EventObserver.Storage.Index.Chunks;

/// <summary>
/// A per-chunk bloom filter over lookup hashes: about 20 bits per entry and 7 probes, so a lookup
/// touches a wrong chunk with a probability of about 2 in 10,000.
/// </summary>
internal static class BloomFilter
{
    private const int BitsPerEntry = 20;
    private const int Probes = 7;

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

    public static bool MightContain(ulong[] bits, ulong hash)
    {
        var size = (ulong)bits.Length * 64;
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
