namespace EventObserver.Storage.ChunkStore;

/// <summary>How new chunks are stored. Reading handles every version whatever this says.</summary>
internal enum IndexCompression
{
    /// <summary>Plain version 1/2 chunks, as builds before chunk compression wrote them (tests of old files, measurements).</summary>
    None,

    /// <summary>
    /// Version 3, zstd without dictionaries (the default). Measured on demo-like JSON: 124 bytes per event against 131
    /// with dictionaries in full chunks, and the same 113–114 once small tails are merged; a dictionary only helps
    /// chunks of a few events, which tail merging no longer leaves behind.
    /// </summary>
    Zstd,

    /// <summary>Version 3, zstd with a dictionary per topic once the topic's first chunks have trained one. Always readable.</summary>
    ZstdWithDictionaries,
}
