using Confluent.Kafka;
using Confluent.Kafka.Admin;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Ingestion;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Admin;

/// <summary>
/// Topic metadata and high watermarks through an AdminClient. Answers from a short cache and
/// refreshes in the background, so a page never waits on a broker that is down; only the very
/// first call waits (a few seconds at most). Never throws for an unreachable cluster.
/// </summary>
public sealed partial class ClusterInspector : IClusterInspector, IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    private readonly KafkaConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger<ClusterInspector> _logger;
    private readonly TopicFilter? _filter;
    private readonly Lock _gate = new();
    private IAdminClient? _admin;
    private IReadOnlyList<ClusterTopic> _topics = [];
    private Dictionary<TopicPartition, long> _highWatermarks = [];
    private Dictionary<string, List<PartitionMetadata>> _partitionMetadata = new(StringComparer.Ordinal);
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private bool _everFetched;
    private bool _refreshing;
    private bool _failing;
    private bool _disposed;
    private int _inUse;

    public ClusterInspector(KafkaConnection connection, TimeProvider time, ILogger<ClusterInspector> logger)
    {
        _connection = connection;
        _time = time;
        _logger = logger;
        try
        {
            _filter = TopicFilter.FromOptions(connection.Options);
        }
        catch (ArgumentException e)
        {
            // Ingestion reports the bad setting too; without a valid filter there is nothing to show.
            LogBadFilter(logger, e.Message);
        }
    }

    /// <summary>Why the last refresh failed; null once the cluster answers again.</summary>
    public string? LastError { get; private set; }

    public IReadOnlyList<ClusterTopic> GetTopics()
    {
        if (_filter is null)
        {
            return [];
        }

        bool refreshInBackground;
        lock (_gate)
        {
            if (_disposed || _time.GetUtcNow() - _fetchedAt < CacheFor || _refreshing)
            {
                return _topics;
            }

            _refreshing = true;
            refreshInBackground = _everFetched;
        }

        if (refreshInBackground)
        {
            _ = Task.Run(Refresh);
            return _topics;
        }

        Refresh();
        return _topics;
    }

    public void Dispose()
    {
        IAdminClient? idle = null;
        lock (_gate)
        {
            _disposed = true;
            _descriptions.Clear();

            // A client in use (a refresh or description waiting on a broker) is disposed by its last user: destroying
            // the native handle under a running metadata call can take the process down.
            if (_inUse == 0)
            {
                (idle, _admin) = (_admin, null);
            }
        }

        idle?.Dispose();
    }

    private void Refresh()
    {
        try
        {
            var admin = AcquireAdmin();
            if (admin is null)
            {
                return;
            }

            Metadata metadata;
            List<TopicMetadata> topics;
            Dictionary<TopicPartition, long> marks;
            try
            {
                metadata = admin.GetMetadata(RequestTimeout);
                topics = metadata.Topics
                    .Where(t => t.Error.Code == ErrorCode.NoError && _filter!.Includes(t.Topic))
                    .OrderBy(t => t.Topic, StringComparer.Ordinal)
                    .ToList();
                marks = ReadHighWatermarks(admin, topics);
            }
            finally
            {
                ReleaseAdmin();
            }

            _topics = topics
                .Select(t => new ClusterTopic(
                    t.Topic,
                    t.Partitions.Count,
                    t.Partitions.Sum(p => Math.Max(0, marks.GetValueOrDefault(new TopicPartition(t.Topic, p.PartitionId))))))
                .ToList();
            _highWatermarks = marks;
            _partitionMetadata = topics.ToDictionary(t => t.Topic, t => t.Partitions, StringComparer.Ordinal);
            LastError = null;
            if (_failing)
            {
                _failing = false;
                LogRecovered(_logger);
            }
        }
        catch (Exception e) when (e is KafkaException or TimeoutException or ObjectDisposedException)
        {
            // Keep serving the last known topics.
            LastError = e.Message;
            if (!_failing)
            {
                _failing = true;
                LogUnreachable(_logger, e.Message);
            }
        }
        finally
        {
            lock (_gate)
            {
                _fetchedAt = _time.GetUtcNow();
                _everFetched = true;
                _refreshing = false;
            }
        }
    }

    private Dictionary<TopicPartition, long> ReadHighWatermarks(IAdminClient admin, List<TopicMetadata> topics)
    {
        var specs = topics
            .SelectMany(t => t.Partitions.Select(p => new TopicPartitionOffsetSpec
            {
                TopicPartition = new TopicPartition(t.Topic, p.PartitionId),
                OffsetSpec = OffsetSpec.Latest(),
            }))
            .ToList();
        if (specs.Count == 0)
        {
            return [];
        }

        try
        {
            var result = admin.ListOffsetsAsync(specs, new ListOffsetsOptions { RequestTimeout = RequestTimeout })
                .WaitAsync(RequestTimeout + TimeSpan.FromSeconds(1))
                .GetAwaiter().GetResult();
            return result.ResultInfos.ToDictionary(r => r.TopicPartitionOffsetError.TopicPartition, r => r.TopicPartitionOffsetError.Offset.Value);
        }
        catch (Exception e) when (e is KafkaException or TimeoutException)
        {
            // Partition counts are still worth showing; keep the previous watermarks.
            return _highWatermarks;
        }
    }

    /// <summary>The admin client, counted as in use until <see cref="ReleaseAdmin"/>; null once disposed.</summary>
    private IAdminClient? AcquireAdmin()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return null;
            }

            var admin = _admin ??= new AdminClientBuilder(_connection.CreateAdminConfig("eventobserver-inspector"))
                .SetLogHandler((_, _) => { })
                .Build();
            _inUse++;
            return admin;
        }
    }

    private void ReleaseAdmin()
    {
        IAdminClient? last = null;
        lock (_gate)
        {
            if (--_inUse == 0 && _disposed)
            {
                (last, _admin) = (_admin, null);
            }
        }

        last?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Topic overview disabled: {Reason}")]
    private static partial void LogBadFilter(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read cluster metadata, showing the last known topics: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster metadata readable again")]
    private static partial void LogRecovered(ILogger logger);
}
