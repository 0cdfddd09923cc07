namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// How big a chunk may grow. Measured here: LiteDB stores ~35k one-document-per-event/s but
/// ~100k/s when 32 events share a document, and every secondary index costs 5–9 µs per entry.
/// Chunks of a few hundred events keep writes cheap while a point read decodes well under 1 MB.
/// </summary>
internal static class ChunkLimits
{
    public const int MaxEvents = 256;
    public const int MaxBytes = 512 * 1024;

    /// <summary>Offsets live in the low 40 bits of a chunk id (about 10^12 per partition).</summary>
    public const long MaxOffset = (1L << 40) - 1;
}
