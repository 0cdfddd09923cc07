using EventObserver.Core.Envelopes;
using EventObserver.Storage.ChunkStore;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.ChunkStore;

public sealed class ChunkCompressionTests : IDisposable
{
    private readonly ChunkDictionaries _dictionaries = new(train: false);

    public void Dispose() => _dictionaries.Dispose();

    [Fact]
    public void Unwrap_EveryRecordShape_DecodesToTheSameEnvelopes()
    {
        var events = RecordShapes.All("shapes");
        var writer = new ChunkWriter();
        ChunkCodec.Encode(events, 0, events.Count, writer);
        var body = writer.ToArray();

        var stored = _dictionaries.Compress("shapes", body);
        var decoded = ChunkCodec.Decode(ChunkCompression.Unwrap(stored, _dictionaries), "shapes", 0);

        Assert.Equal(ChunkCompression.Version3, stored[0]);
        Assert.True(stored.Length < body.Length / 2, $"{stored.Length} of {body.Length} bytes");
        Assert.Equal(events.Count, decoded.Count);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equivalent(events[i], decoded[i], strict: true);
        }
    }

    [Fact]
    public void UnwrapPooled_CompressedChunk_RentedBodyHoldsTheSameBytes()
    {
        var events = RecordShapes.All("shapes");
        var writer = new ChunkWriter();
        ChunkCodec.Encode(events, 0, events.Count, writer);
        var body = writer.ToArray();
        var stored = _dictionaries.Compress("shapes", body);

        var pooled = ChunkCompression.UnwrapPooled(stored, _dictionaries);
        var plain = ChunkCompression.UnwrapPooled(body, _dictionaries);

        Assert.True(pooled.Pooled);
        Assert.Equal(body, pooled.Span.ToArray());
        Assert.Equal((false, body.Length), (plain.Pooled, plain.Length));
        Assert.Same(body, plain.Buffer);
        System.Buffers.ArrayPool<byte>.Shared.Return(pooled.Buffer);
    }

    [Fact]
    public void Compress_BodyThatDoesNotShrink_IsStoredPlain()
    {
        var writer = new ChunkWriter();
        ChunkCodec.Encode([Envelopes.Event("t", 0, 1)], 0, 1, writer);
        var body = writer.ToArray();

        var stored = _dictionaries.Compress("t", body);

        Assert.Equal(body, stored);
        Assert.Same(stored, ChunkCompression.Unwrap(stored, _dictionaries));
    }

    [Theory]
    [InlineData("flipped")]
    [InlineData("truncated")]
    [InlineData("codec")]
    [InlineData("length")]
    [InlineData("dictionary")]
    public void Unwrap_CorruptChunk_ThrowsInvalidData(string damage)
    {
        var events = RecordShapes.All("shapes");
        var writer = new ChunkWriter();
        ChunkCodec.Encode(events, 0, events.Count, writer);
        var stored = _dictionaries.Compress("shapes", writer.ToArray());
        var header = 2 + 1 + VarintLength(writer.Length);
        var bad = damage switch
        {
            "flipped" => Flip(stored, header + 4),
            "truncated" => stored[..(stored.Length / 2)],
            "codec" => Set(stored, 1, 9),
            "length" => Grow(stored, header),
            _ => Set(stored, 2, 5),
        };

        Assert.Throws<InvalidDataException>(() => ChunkCodec.Decode(ChunkCompression.Unwrap(bad, _dictionaries), "shapes", 0));
        Assert.Throws<InvalidDataException>(() => ChunkCodec.Decode(ChunkCompression.UnwrapPooled(bad, _dictionaries).Span, "shapes", 0));
    }

    [Fact]
    public void ReadHeader_VersionThreeGivenToTheCodec_IsRefusedNotMisread()
    {
        var events = RecordShapes.All("shapes");
        var writer = new ChunkWriter();
        ChunkCodec.Encode(events, 0, events.Count, writer);
        var stored = _dictionaries.Compress("shapes", writer.ToArray());

        // What a build without compression does with a version-3 chunk.
        Assert.Throws<InvalidDataException>(() => ChunkCodec.Decode(stored, "shapes", 0));
    }

    private static int VarintLength(int value) => value < 128 ? 1 : value < 16_384 ? 2 : 3;

    private static byte[] Flip(byte[] data, int from)
    {
        var copy = (byte[])data.Clone();
        for (var i = from; i < copy.Length; i += 3)
        {
            copy[i] ^= 0x5A;
        }

        return copy;
    }

    private static byte[] Set(byte[] data, int at, byte value)
    {
        var copy = (byte[])data.Clone();
        copy[at] = value;
        return copy;
    }

    // The stated body length one byte longer than what the frame holds.
    private static byte[] Grow(byte[] data, int header)
    {
        var reader = new ChunkReader(data) { Position = 3 };
        var length = reader.ReadVarint();
        var writer = new ChunkWriter();
        writer.WriteByte(data[0]);
        writer.WriteByte(data[1]);
        writer.WriteByte(data[2]);
        writer.WriteVarint(length + 1);
        return [.. writer.ToArray(), .. data.AsSpan(header)];
    }
}
