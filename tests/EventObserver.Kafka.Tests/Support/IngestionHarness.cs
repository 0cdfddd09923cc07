using EventObserver.Core.Decoding;
using EventObserver.Core.Feed;
using EventObserver.Core.Indexing;
using EventObserver.Core.Lineage;
using EventObserver.Core.Masking;
using EventObserver.Core.Metrics;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Kafka.Tests.Support;

/// <summary>An ingestion service against a test cluster and index, started and stopped like the host does.</summary>
internal sealed class IngestionHarness : IAsyncDisposable
{
    private readonly IngestionService _service;
    private bool _stopped;

    private IngestionHarness(IngestionService service, IngestionStatus status, Func<IEventIndex?> index)
    {
        _service = service;
        Status = status;
        IndexAccessor = index;
    }

    public IngestionStatus Status { get; }

    private Func<IEventIndex?> IndexAccessor { get; }

    /// <summary>The index the service opened; throws before the cluster id is known.</summary>
    public IEventIndex Index => IndexAccessor() ?? throw new InvalidOperationException("No index opened yet.");

    public bool HasIndex => IndexAccessor() is not null;

    /// <summary>The service's run; completed once it has stopped.</summary>
    public Task? Execution => _service.ExecuteTask;

    /// <summary>Options tuned for tests: unique group, fast metadata refresh.</summary>
    public static KafkaOptions Options(string bootstrapServers, Action<KafkaOptions>? configure = null)
    {
        var options = new KafkaOptions
        {
            BootstrapServers = bootstrapServers,
            GroupId = "test-" + Guid.NewGuid().ToString("N")[..8],
            MetadataRefreshMs = 1000,
        };
        configure?.Invoke(options);
        return options;
    }

    /// <param name="options">Kafka settings (see <see cref="Options"/>).</param>
    /// <param name="openIndex">Opens the index of the cluster id.</param>
    /// <param name="feed">The live feed committed batches go to; a fresh one when null.</param>
    /// <param name="ingestMasker">Masks every event before the index write (Masking:AtIngest); null: no masking.</param>
    /// <param name="rebuilds">The store's rebuild side (which index is being rebuilt, replacements); null: none.</param>
    public static async Task<IngestionHarness> StartAsync(
        KafkaOptions options, Func<string, IEventIndex> openIndex, ILiveFeed? feed = null, IEventMasker? ingestMasker = null,
        IIndexRebuilds? rebuilds = null)
    {
        IEventIndex? opened = null;
        var status = new IngestionStatus(TimeProvider.System);
        var service = new IngestionService(
            KafkaConnection.ForCluster(options, options.BootstrapServers!),
            new EnvelopeDecoder(new LineageOptions()),
            clusterId => opened = openIndex(clusterId),
            status,
            [new TopicRateObserver(status.Rates), new LiveFeedObserver(feed ?? new LiveFeed())],
            TimeProvider.System,
            NullLogger.Instance,
            ingestMasker,
            rebuilds);
        await service.StartAsync(CancellationToken.None);
        return new IngestionHarness(service, status, () => opened);
    }

    /// <summary>Events indexed for <paramref name="topic"/> (0 before the index is open).</summary>
    public long Count(string topic) =>
        HasIndex && Index.GetStatistics().Topics.TryGetValue(topic, out var stats) ? stats.Count : 0;

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _service.StopAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _service.Dispose();
    }
}
