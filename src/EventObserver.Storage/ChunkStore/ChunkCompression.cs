using System.Buffers;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// Chunk version 3: a version-1 or version-2 chunk compressed with zstd, optionally with a dictionary trained for the
/// chunk's topic (<see cref="ChunkDictionaries"/>). Layout: the version byte 3, a codec byte (1 = zstd), the dictionary
/// id (varint, 0 = none), the body's length (varint), then one zstd frame holding the body. A build that knows only
/// versions 1 and 2 refuses such a chunk by its first byte; this one unwraps it once per read, before the cache, so
/// scans and lookups work on the plain body.
/// </summary>
internal static class ChunkCompression
{
    public const byte Version3 = 3;
    public const byte CodecZstd = 1;

    /// <summary>Bodies are capped by <see cref="ChunkLimits.MaxBytes"/> plus one record; anything far beyond is corruption.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Level 1: measured on JSON chunks here, level 3 saved a few per cent more bytes at about half the speed, and
    /// compression runs on the single writer thread that also bounds ingestion.
    /// </summary>
    public const int Level = 1;

    public static bool IsCompressed(ReadOnlySpan<byte> data) => data.Length > 0 && data[0] == Version3;

    /// <summary>The v3 form of <paramref name="body"/>, or null when compression would not make it smaller.</summary>
    public static byte[]? Wrap(ReadOnlySpan<byte> body, Compressor compressor, int dictionaryId, ChunkWriter scratch)
    {
        scratch.Reset();
        scratch.WriteByte(Version3);
        scratch.WriteByte(CodecZstd);
        scratch.WriteVarint((ulong)dictionaryId);
        scratch.WriteVarint((ulong)body.Length);
        scratch.Advance(compressor.Wrap(body, scratch.GetSpan(Compressor.GetCompressBound(body.Length))));
        return scratch.Length >= body.Length ? null : scratch.ToArray();
    }

    /// <summary>The plain body of a stored chunk: the bytes themselves for versions 1 and 2, unwrapped for version 3.</summary>
    /// <exception cref="InvalidDataException">The chunk is truncated, names an unknown codec or dictionary, or does not decompress to its stated length.</exception>
    public static byte[] Unwrap(byte[] stored, ChunkDictionaries dictionaries) =>
        IsCompressed(stored) ? Decompress(stored, dictionaries, pooled: false).Buffer : stored;

    /// <summary>
    /// Like <see cref="Unwrap"/>, for a scan that uses the body once: a compressed chunk is decompressed into a buffer
    /// rented from the shared pool (a body is up to 512 KB: a fresh array per chunk went to the large object heap, and a
    /// replay reading tens of thousands of events a second made the collector run gen2 after gen2).
    /// </summary>
    public static ChunkBody UnwrapPooled(byte[] stored, ChunkDictionaries dictionaries) =>
        IsCompressed(stored) ? Decompress(stored, dictionaries, pooled: true) : ChunkBody.Owned(stored);

    private static ChunkBody Decompress(byte[] stored, ChunkDictionaries dictionaries, bool pooled)
    {
        var reader = new ChunkReader(stored) { Position = 1 };
        if (reader.ReadByte() != CodecZstd)
        {
            throw new InvalidDataException("Unknown index chunk codec.");
        }

        var dictionaryId = checked((int)reader.ReadVarint());
        var length = reader.ReadVarint();
        if (length > MaxBodyBytes)
        {
            throw new InvalidDataException("Index chunk body length out of range.");
        }

        var bodyLength = (int)length;
        var body = pooled ? ArrayPool<byte>.Shared.Rent(bodyLength) : new byte[bodyLength];
        var decompressor = dictionaries.RentDecompressor(dictionaryId);
        var done = false;
        try
        {
            var written = decompressor.Unwrap(stored.AsSpan(reader.Position), body.AsSpan(0, bodyLength));
            if (written != bodyLength)
            {
                throw new InvalidDataException("Index chunk decompressed to the wrong length.");
            }

            done = true;
        }
        catch (ZstdException e)
        {
            throw new InvalidDataException("Index chunk does not decompress: " + e.Message, e);
        }
        finally
        {
            dictionaries.ReturnDecompressor(dictionaryId, decompressor);
            if (pooled && !done)
            {
                ArrayPool<byte>.Shared.Return(body);
            }
        }

        return new ChunkBody(body, bodyLength, pooled);
    }

    public static Compressor NewCompressor(byte[]? dictionary)
    {
        var compressor = new Compressor(Level);
        // The body length and the dictionary id are in the chunk's own header; the frame need not repeat them.
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_dictIDFlag, 0);
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_contentSizeFlag, 0);
        if (dictionary is not null)
        {
            compressor.LoadDictionary(dictionary);
        }

        return compressor;
    }
}
