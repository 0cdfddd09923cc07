using System.Diagnostics.CodeAnalysis;

using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Index;

using Microsoft.Extensions.Logging;

namespace EventObserver.Storage.Postgres.Hosting;

/// <summary>
/// The <see cref="ICurrentIndex"/> on PostgreSQL (<c>EventObserver:Storage:Provider = Postgres</c>): one
/// <see cref="PostgresEventIndex"/> on the configured schema, opened at start when the server answers (so old data can
/// be browsed before the broker does) and again by ingestion with the cluster id. An unreachable server is not fatal:
/// readers see no index, and ingestion retries the open.
/// </summary>
public sealed partial class PostgresIndexProvider : ICurrentIndex, IIndexRebuilds, IDisposable
{
    private readonly Lock _sync = new();
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresIndexProvider> _logger;
    private PostgresEventIndex? _current;
    private IndexSwitchNotice? _lastSwitch;

    public PostgresIndexProvider(string connectionString, string schema, TimeProvider time, ILogger<PostgresIndexProvider> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _schema = schema;
        _time = time;
        _logger = logger;
        try
        {
            _current = Track(PostgresEventIndex.Open(connectionString, schema, clusterId: null, time));
            LogOpened(_current.FilePath, _current.ClusterId, _current.MigrationsApplied);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Ingestion opens it again once the cluster id is known, and says so in the status while it cannot.
            LogUnreachable(e.Message);
        }
    }

    public IndexSwitchNotice? LastSwitch
    {
        get { lock (_sync) { return _lastSwitch; } }
    }

    public event Action<IEventIndex>? Changed;

    public bool TryGet([NotNullWhen(true)] out IEventIndex? index)
    {
        lock (_sync)
        {
            index = _current;
        }

        return index is not null;
    }

    public IEventIndex OpenForCluster(string clusterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        PostgresEventIndex opened;
        lock (_sync)
        {
            if (_current is { } current && current.ClusterId == clusterId)
            {
                return current;
            }

            var previous = _current;
            opened = Track(PostgresEventIndex.Open(_connectionString, _schema, clusterId, _time));
            if (opened.ArchivedTo is { } archived)
            {
                var previousCluster = previous?.ClusterId is { Length: > 0 } id ? id : "unknown";
                _lastSwitch = new IndexSwitchNotice(previousCluster, clusterId, archived, _time.GetUtcNow());
                LogArchived(previousCluster, clusterId, archived);
            }

            _current = opened;
            previous?.Dispose();
        }

        Changed?.Invoke(opened);
        return opened;
    }

    public bool IsRebuilding(IEventIndex index) => index is PostgresEventIndex { RebuildPending: true };

    public void CompleteRebuild(IEventIndex index)
    {
        if (index is PostgresEventIndex { RebuildPending: true } postgres)
        {
            postgres.SetRebuildPending(false);
            LogRebuilt(postgres.FilePath);
        }
    }

    /// <summary>
    /// Renames the schema to <c>&lt;schema&gt;_archive_&lt;time&gt;</c> and starts an empty one of the same cluster, marked
    /// for rebuild. With several observers, stop the others first: they keep their positions and would not re-read.
    /// </summary>
    public IndexSwitchNotice Rebuild(string requestedBy)
    {
        PostgresEventIndex opened;
        IndexSwitchNotice notice;
        lock (_sync)
        {
            var clusterId = _current?.ClusterId ?? string.Empty;
            _current?.Dispose();
            _current = null;
            var now = _time.GetUtcNow();
            var archived = PostgresEventIndex.ArchiveSchema(_connectionString, _schema, now);
            opened = Track(PostgresEventIndex.Open(_connectionString, _schema, clusterId.Length > 0 ? clusterId : null, _time));
            opened.SetRebuildPending(true);
            var reason = $"Index rebuild requested by {requestedBy}; the index was moved to schema {archived}; rebuilding from Kafka";
            notice = new IndexSwitchNotice(clusterId, clusterId, archived, now, reason);
            _current = opened;
            _lastSwitch = notice;
            LogRebuildRequested(requestedBy, archived);
        }

        Changed?.Invoke(opened);
        return notice;
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _current?.Dispose();
            _current = null;
        }
    }

    private PostgresEventIndex Track(PostgresEventIndex index)
    {
        index.StuckOwnerTerminated += pid => LogStuckOwnerTerminated(pid, PostgresEventIndex.StuckOwnerDelay.TotalSeconds);
        return index;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Terminated database session {Pid}: a previous owner of partitions being claimed here had held them in an open transaction for over {Seconds} s (a frozen or stopped observer); its uncommitted batch is read again here")]
    private partial void LogStuckOwnerTerminated(int pid, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL index {Where} opened (cluster {ClusterId}, {Migrations} migrations applied)")]
    private partial void LogOpened(string where, string clusterId, int migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PostgreSQL index could not be opened at start ({Reason}); ingestion retries")]
    private partial void LogUnreachable(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index belonged to cluster {PreviousClusterId}, now connected to {ClusterId}: its schema was renamed to {ArchivedTo} and a new index started")]
    private partial void LogArchived(string previousClusterId, string clusterId, string archivedTo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index rebuild requested by {RequestedBy}: the schema was renamed to {ArchivedTo}; rebuilding from Kafka")]
    private partial void LogRebuildRequested(string requestedBy, string archivedTo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index {Where} rebuilt from Kafka; the rebuild is complete")]
    private partial void LogRebuilt(string where);
}
