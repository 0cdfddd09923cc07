using System.Diagnostics.CodeAnalysis;

using EventObserver.Core.Indexing;
using EventObserver.Storage.Configuration;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventObserver.Storage.Index;

/// <summary>
/// Owns the one open <see cref="IEventIndex"/> (one LiteDatabase per file per process): the LiteDB
/// <see cref="ICurrentIndex"/>. The index belongs to one cluster: when ingestion learns the cluster id and it
/// differs from the file's, the old file is archived and a fresh index started, so offsets of two clusters never mix.
/// </summary>
public sealed partial class EventIndexProvider : ICurrentIndex, IDisposable
{
    private readonly Lock _sync = new();
    private readonly StorageOptions _options;
    private readonly ILogger<EventIndexProvider> _logger;
    private readonly TimeProvider _time;
    private readonly string _path;
    private LiteDbEventIndex? _current;
    private IndexSwitchNotice? _lastSwitch;

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

    /// <summary>Set when the last switch archived an index of another cluster; shown in the UI.</summary>
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
        var opened = LiteDbEventIndex.Open(_path, Math.Max(0, _options.ChunkCacheMegabytes) * 1024L * 1024, _time);
        _current = opened;
        LogReopened(_path, opened.GetStatistics().TotalEvents);
        return opened;
    }

    /// <summary>A file LiteDB cannot read must not stop the app: archive it as corrupt and start empty.</summary>
    private LiteDbEventIndex OpenOrArchiveCorrupt(string? expectedClusterId)
    {
        try
        {
            return LiteDbEventIndex.Open(_path, Math.Max(0, _options.ChunkCacheMegabytes) * 1024L * 1024, _time);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var archived = IndexArchiver.Archive(_path, "corrupt", _time.GetUtcNow(), _options.KeepArchives);
            _lastSwitch = new IndexSwitchNotice("corrupt", expectedClusterId ?? string.Empty, archived, _time.GetUtcNow());
            LogCorrupt(ex, _path, archived);
            return LiteDbEventIndex.Open(_path, Math.Max(0, _options.ChunkCacheMegabytes) * 1024L * 1024, _time);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reopened the index {Path} after a failed write; it holds {Events} events")]
    private partial void LogReopened(string path, long events);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index {Path} stamped with cluster id {ClusterId}")]
    private partial void LogStamped(string path, string clusterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index belonged to cluster {PreviousClusterId}, now connected to {ClusterId}: archived it to {ArchivedTo} and started a new index")]
    private partial void LogArchived(string previousClusterId, string clusterId, string archivedTo);

    [LoggerMessage(Level = LogLevel.Error, Message = "The index file {Path} could not be read; archived it to {ArchivedTo} and started a new index")]
    private partial void LogCorrupt(Exception exception, string path, string archivedTo);
}
