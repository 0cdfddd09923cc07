using System.Diagnostics.CodeAnalysis;

using EventObserver.Core.Indexing;
using EventObserver.Storage.ChunkStore;
using EventObserver.Storage.Configuration;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventObserver.Storage.Index;

/// <summary>
/// Owns the one open <see cref="IEventIndex"/> (one LiteDatabase per file per process): the LiteDB
/// <see cref="ICurrentIndex"/>. The index belongs to one cluster: when ingestion learns the cluster id and it
/// differs from the file's, the old file is archived and a fresh index started, so offsets of two clusters never mix.
/// A file that cannot be read is archived and rebuilt from Kafka, or stops the app (<see cref="StorageOptions.OnCorrupt"/>).
/// </summary>
public sealed partial class EventIndexProvider : ICurrentIndex, IIndexRebuilds, IDisposable
{
    private readonly Lock _sync = new();
    private readonly StorageOptions _options;
    private readonly ILogger<EventIndexProvider> _logger;
    private readonly TimeProvider _time;
    private readonly string _path;
    private LiteDbEventIndex? _current;
    private IndexSwitchNotice? _lastSwitch;

    /// <exception cref="CorruptIndexException">The file cannot be read and <see cref="StorageOptions.OnCorrupt"/> is Stop.</exception>
    public EventIndexProvider(IOptions<StorageOptions> options, ILogger<EventIndexProvider> logger, TimeProvider timeProvider)
    {
        _options = options.Value;
        _logger = logger;
        _time = timeProvider;
        _path = Path.GetFullPath(_options.Path);
        if (File.Exists(_path))
        {
            // Open what is there so old data can be browsed before the broker answers.
            _current = OpenOrArchiveCorrupt(expectedClusterId: null);
        }
    }

    /// <summary>The open index, or null before the cluster id is known and no earlier index exists.</summary>
    public IEventIndex? Current
    {
        get { lock (_sync) { return _current; } }
    }

    public bool TryGet([NotNullWhen(true)] out IEventIndex? index)
    {
        index = Current;
        return index is not null;
    }

    /// <summary>Set when the last switch archived an index (another cluster's, unreadable, or rebuilt); shown in the UI.</summary>
    public IndexSwitchNotice? LastSwitch
    {
        get { lock (_sync) { return _lastSwitch; } }
    }

    /// <summary>Raised after <see cref="Current"/> changes.</summary>
    public event Action<IEventIndex>? Changed;

    /// <summary>Returns the index for <paramref name="clusterId"/>, archiving an index of another cluster.</summary>
    public IEventIndex OpenForCluster(string clusterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        LiteDbEventIndex opened;
        lock (_sync)
        {
            if (_current is { } current && current.ClusterId == clusterId)
            {
                if (!current.NeedsReopen)
                {
                    return current;
                }

                opened = Reopen(current);
            }
            else
            {
                if (_current is { } other)
                {
                    if (other.ClusterId.Length == 0 && other.GetStatistics().TotalEvents == 0)
                    {
                        other.StampCluster(clusterId);
                        LogStamped(_path, clusterId);
                        return other;
                    }

                    var previous = other.ClusterId.Length == 0 ? "unknown" : other.ClusterId;
                    other.Dispose();
                    _current = null;
                    var archived = IndexArchiver.Archive(_path, previous, _time.GetUtcNow(), _options.KeepArchives);
                    _lastSwitch = new IndexSwitchNotice(previous, clusterId, archived, _time.GetUtcNow());
                    LogArchived(previous, clusterId, archived);
                }

                opened = OpenOrArchiveCorrupt(clusterId);
                if (opened.ClusterId != clusterId)
                {
                    opened.StampCluster(clusterId);
                }

                _current = opened;
            }
        }

        Changed?.Invoke(opened);
        return opened;
    }

    public bool IsRebuilding(IEventIndex index) => index is LiteDbEventIndex { RebuildPending: true };

    public void CompleteRebuild(IEventIndex index)
    {
        if (index is LiteDbEventIndex { RebuildPending: true } lite)
        {
            lite.SetRebuildPending(false);
            LogRebuilt(lite.FilePath, lite.GetStatistics().TotalEvents);
        }
    }

    /// <summary>
    /// A manual rebuild (after changing decoders or lineage mappings): the current file goes to <c>archive/</c> (label
    /// "rebuild") and an empty index of the same cluster, marked for rebuild, takes its place. Readers see the new,
    /// growing index at once; ingestion notices through <see cref="Changed"/> and starts again from the earliest offsets.
    /// </summary>
    public IndexSwitchNotice Rebuild(string requestedBy)
    {
        LiteDbEventIndex opened;
        IndexSwitchNotice notice;
        lock (_sync)
        {
            var clusterId = _current?.ClusterId ?? string.Empty;
            _current?.Dispose();
            _current = null;
            var now = _time.GetUtcNow();
            var archived = File.Exists(_path) ? IndexArchiver.Archive(_path, "rebuild", now, _options.KeepArchives) : string.Empty;
            opened = OpenFile();
            if (clusterId.Length > 0)
            {
                opened.StampCluster(clusterId);
            }

            opened.SetRebuildPending(true);
            var reason = $"Index rebuild requested by {requestedBy}; the index was moved to {ArchiveName(archived)}; rebuilding from Kafka";
            notice = new IndexSwitchNotice(clusterId, clusterId, archived, now, reason);
            _current = opened;
            _lastSwitch = notice;
            LogRebuildRequested(requestedBy, _path, archived);
        }

        Changed?.Invoke(opened);
        return notice;
    }

    /// <summary>
    /// For the offline <c>rebuild-index</c> command (the app must not be running): archives the file and leaves an empty
    /// index marked for rebuild, so the next start rebuilds from the earliest offsets.
    /// </summary>
    /// <returns>Where the old file went; null when there was none.</returns>
    /// <exception cref="IOException">The file is open in a running app.</exception>
    public static string? PrepareRebuild(StorageOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var path = Path.GetFullPath(options.Path);
        if (File.Exists(path))
        {
            // Throws IOException while a running app holds the file (.NET locks it), instead of moving it from under it.
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }

        var archived = File.Exists(path) ? IndexArchiver.Archive(path, "rebuild", time.GetUtcNow(), options.KeepArchives) : null;
        using var fresh = LiteDbEventIndex.Open(path, 0, time);
        fresh.SetRebuildPending(true);
        return archived;
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _current?.Dispose();
            _current = null;
        }
    }

    /// <summary>
    /// A new instance on the same file after a write failed on I/O (e.g. a full disk). Not through
    /// <see cref="OpenOrArchiveCorrupt"/>: the file is fine, so a failed reopen throws and is retried, and never archives
    /// a good index. The new instance's catalog is read from the file: a batch whose commit reached the log before the
    /// failure counts as written, and writing it again stores nothing twice.
    /// </summary>
    private LiteDbEventIndex Reopen(LiteDbEventIndex broken)
    {
        broken.Dispose();
        _current = null;
        var opened = LiteDbEventIndex.Open(_path, Compression, Math.Max(0, _options.ChunkCacheMegabytes) * 1024L * 1024, _time);
        _current = opened;
        LogReopened(_path, opened.GetStatistics().TotalEvents);
        return opened;
    }

    private IndexCompression Compression => _options.CompressChunks ? IndexCompression.Zstd : IndexCompression.None;

    private LiteDbEventIndex OpenFile() =>
        LiteDbEventIndex.Open(_path, Compression, Math.Max(0, _options.ChunkCacheMegabytes) * 1024L * 1024, _time);

    /// <summary>
    /// A file that cannot be read (LiteDB cannot open it, another format version, a damaged chunk) must not stop the app
    /// unless the operator asked so: archive it and start an empty index marked for rebuild from Kafka.
    /// </summary>
    private LiteDbEventIndex OpenOrArchiveCorrupt(string? expectedClusterId)
    {
        try
        {
            return OpenFile();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var reason = Reason(ex);
            LogUnreadableDetail(ex);
            if (_options.OnCorrupt == CorruptIndexAction.Stop)
            {
                var stop = $"The index file {_path} could not be read ({reason}); EventObserver:Storage:OnCorrupt is Stop, so the file was left "
                    + "where it is. Move it away (or set OnCorrupt to Rebuild) and start again to rebuild the index from Kafka.";
                LogUnreadable(stop);
                throw new CorruptIndexException(stop, ex);
            }

            var archived = IndexArchiver.Archive(_path, "corrupt", _time.GetUtcNow(), _options.KeepArchives);
            var message = $"The index file {_path} could not be read ({reason}); moved to {ArchiveName(archived)}; rebuilding from Kafka";
            _lastSwitch = new IndexSwitchNotice("corrupt", expectedClusterId ?? string.Empty, archived, _time.GetUtcNow(), message);
            LogUnreadable(message);
            var fresh = OpenFile();
            fresh.SetRebuildPending(true);
            return fresh;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reopened the index {Path} after a failed write; it holds {Events} events")]
    private partial void LogReopened(string path, long events);

    private static string ArchiveName(string archived) =>
        archived.Length == 0 ? "nowhere (there was no file)" : Path.Combine(IndexArchiver.ArchiveFolder, Path.GetFileName(archived));

    private static string Reason(Exception ex)
    {
        var text = ex.Message.Trim();
        return text.TrimEnd('.');
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index {Path} stamped with cluster id {ClusterId}")]
    private partial void LogStamped(string path, string clusterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index belonged to cluster {PreviousClusterId}, now connected to {ClusterId}: archived it to {ArchivedTo} and started a new index")]
    private partial void LogArchived(string previousClusterId, string clusterId, string archivedTo);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private partial void LogUnreadable(string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Why the index file could not be read")]
    private partial void LogUnreadableDetail(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index rebuild requested by {RequestedBy}: {Path} archived to {ArchivedTo}; rebuilding from Kafka")]
    private partial void LogRebuildRequested(string requestedBy, string path, string archivedTo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index {Path} rebuilt from Kafka: {Events} events; the rebuild is complete")]
    private partial void LogRebuilt(string path, long events);
}
