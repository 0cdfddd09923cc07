namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// A chunk's plain body: the first <see cref="Length"/> bytes of <see cref="Buffer"/>. A pooled body was rented from
/// <see cref="System.Buffers.ArrayPool{T}.Shared"/> for one scan and goes back there when the scan is done with it;
/// any other (a cached body, LiteDB's own array) belongs to someone else and must not be returned.
/// </summary>
internal readonly record struct ChunkBody(byte[] Buffer, int Length, bool Pooled)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    public static ChunkBody Owned(byte[] data) => new(data, data.Length, Pooled: false);
}
