namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// Every chunk's bloom filter laid out flat (all words in one array, sizes and fast-modulo
/// constants beside it), so a probe over thousands of chunks runs through contiguous memory with
/// few branches: the first two bits are tested for every chunk at once, the other probes only for
/// the ~10% of chunks that pass. Appends keep the prefix that readers see untouched, so a probe
/// works on a snapshot without holding the catalog lock; removals need a rebuild.
/// Bit positions are exactly those of <see cref="BloomFilter"/>.
/// </summary>
internal sealed class BloomTable
{
    private ChunkMeta[] _chunks;
    private int[] _starts;
    private uint[] _sizes;
    private ulong[] _modulo;
    private DeadLetterMark[] _deadLetters;
    private ulong[] _words;
    private int _count;
    private int _wordCount;

    public BloomTable(IReadOnlyCollection<ChunkMeta> chunks)
    {
        var capacity = Math.Max(16, chunks.Count * 5 / 4);
        _chunks = new ChunkMeta[capacity];
        _starts = new int[capacity];
        _sizes = new uint[capacity];
        _modulo = new ulong[capacity];
        _deadLetters = new DeadLetterMark[capacity];
        _words = new ulong[Math.Max(1024, chunks.Sum(c => c.Bloom.Length) * 5 / 4)];
        foreach (var chunk in chunks)
        {
            Append(chunk);
        }
    }

    /// <summary>Call under the owner's lock.</summary>
    public void Append(ChunkMeta chunk)
    {
        if (_count == _chunks.Length)
        {
            var capacity = _count * 2;
            Array.Resize(ref _chunks, capacity);
            Array.Resize(ref _starts, capacity);
            Array.Resize(ref _sizes, capacity);
            Array.Resize(ref _modulo, capacity);
            Array.Resize(ref _deadLetters, capacity);
        }

        if (_wordCount + chunk.Bloom.Length > _words.Length)
        {
            Array.Resize(ref _words, Math.Max(_words.Length * 2, _wordCount + chunk.Bloom.Length));
        }

        var size = (uint)chunk.Bloom.Length * 64;
        chunk.Bloom.CopyTo(_words, _wordCount);
        _chunks[_count] = chunk;
        _starts[_count] = _wordCount;
        _sizes[_count] = size;
        _modulo[_count] = (ulong.MaxValue / size) + 1;
        _deadLetters[_count] = chunk.HasDeadLetters switch
        {
            true => DeadLetterMark.Indexed,
            false => DeadLetterMark.None,
            null => DeadLetterMark.Unknown,
        };
        _wordCount += chunk.Bloom.Length;
        _count++;
    }

    /// <summary>A consistent view to probe outside the lock. Call under the owner's lock.</summary>
    public Snapshot Take() => new(_chunks, _starts, _sizes, _modulo, _deadLetters, _words, _count);

    internal enum DeadLetterMark : byte
    {
        None,
        Indexed,

        /// <summary>Written before dead letters were indexed: only a scan can tell.</summary>
        Unknown,
    }

    internal readonly struct Snapshot(ChunkMeta[] chunks, int[] starts, uint[] sizes, ulong[] modulo, DeadLetterMark[] deadLetters, ulong[] words, int count)
    {
        /// <summary>Adds the chunks whose filter may hold <paramref name="hash"/>.</summary>
        public void Probe(ulong hash, List<ChunkMeta> result)
        {
            var h1 = (uint)hash;
            var h2 = (uint)(hash >> 32) | 1;
            var second = h1 + h2;
            for (var i = 0; i < count; i++)
            {
                var start = starts[i];
                var size = sizes[i];
                var m = modulo[i];
                var b0 = FastMod(h1, m, size);
                var b1 = FastMod(second, m, size);
                var hit = (words[start + (int)(b0 >> 6)] >> (int)(b0 & 63)) & (words[start + (int)(b1 >> 6)] >> (int)(b1 & 63)) & 1;
                if (hit != 0 && Rest(start, size, m, h1, h2))
                {
                    result.Add(chunks[i]);
                }
            }
        }

        /// <summary>
        /// Adds the chunks that may hold a dead letter with this origin hash: those whose dead letters
        /// are indexed and whose filter may hold it, and those that predate dead-letter indexing.
        /// </summary>
        public void ProbeDeadLetters(ulong hash, List<ChunkMeta> result)
        {
            var h1 = (uint)hash;
            var h2 = (uint)(hash >> 32) | 1;
            for (var i = 0; i < count; i++)
            {
                var mark = deadLetters[i];
                if (mark == DeadLetterMark.Unknown || (mark == DeadLetterMark.Indexed && Rest(starts[i], sizes[i], modulo[i], h1, h2, first: 0)))
                {
                    result.Add(chunks[i]);
                }
            }
        }

        private bool Rest(int start, uint size, ulong m, uint h1, uint h2, uint first = 2)
        {
            for (var i = first; i < BloomFilter.Probes; i++)
            {
                var bit = FastMod(h1 + i * h2, m, size);
                if ((words[start + (int)(bit >> 6)] & (1UL << (int)(bit & 63))) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        // Lemire's fast remainder: exact for 32-bit operands, two multiplications instead of a division.
        private static uint FastMod(uint value, ulong m, uint divisor) => (uint)Math.BigMul(m * value, divisor, out _);
    }
}
