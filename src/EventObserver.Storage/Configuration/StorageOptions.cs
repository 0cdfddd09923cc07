namespace EventObserver.Storage.Configuration;

/// <summary>Bound from <c>EventObserver:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The engine of the event index. The other stores (audit, projections, lag history) stay beside <see cref="Path"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>With <see cref="StorageProvider.Postgres"/>: an Npgsql connection string (its search path is replaced by <see cref="Schema"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>With <see cref="StorageProvider.Postgres"/>: the schema holding the index, created and migrated on start.</summary>
    public string Schema { get; set; } = "eventobserver";

    /// <summary>The LiteDB file. Relative paths are resolved against the working directory.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "eventobserver.db");

    /// <summary>Oldest events beyond this count are deleted. Null or 0: unlimited.</summary>
    public long? MaxEvents { get; set; } = 5_000_000;

    /// <summary>Events older than this are deleted. Null: unlimited.</summary>
    public TimeSpan? MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often retention runs.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Memory for recently read index chunks, in MiB. Lineage lookups revisit the chunks of one
    /// conversation many times; a conversation spread over more chunks than fit here is read from
    /// the file on every lookup.
    /// </summary>
    public int ChunkCacheMegabytes { get; set; } = (int)(Index.LiteDbEventIndex.DefaultChunkCacheBytes / (1024 * 1024));

    /// <summary>
    /// New chunks are stored zstd-compressed (about a quarter of the raw message size on disk). False stores them plain,
    /// e.g. to search the file's bytes; chunks of either kind are always read.
    /// </summary>
    public bool CompressChunks { get; set; } = true;

    /// <summary>Archived indexes of other clusters to keep next to the file.</summary>
    public int KeepArchives { get; set; } = 3;

    /// <summary>What to do when the index file cannot be read at start: rebuild it from Kafka, or stop.</summary>
    public CorruptIndexAction OnCorrupt { get; set; } = CorruptIndexAction.Rebuild;
}
