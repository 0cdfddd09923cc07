using System.Diagnostics.Metrics;

using EventObserver.Core.Feed;
using EventObserver.Core.Indexing;
using EventObserver.Core.Metrics;
using EventObserver.Features.Feed;
using EventObserver.Kafka.Ingestion;
using EventObserver.Shared;

namespace EventObserver.Telemetry;

/// <summary>
/// The observable gauges of <see cref="InstrumentCatalog"/>: read at each collection from state the app keeps anyway
/// (the lag probe's figures, the index's in-memory statistics, the feed's subscriptions, the hub's connections), so
/// nothing is recorded on a hot path. Its meters come from the host's <see cref="IMeterFactory"/> and go with it.
/// </summary>
public sealed class StateGauges
{
    private static readonly KeyValuePair<string, object?> DataFile = new(Instruments.FileTag, "data");
    private static readonly KeyValuePair<string, object?> LogFile = new(Instruments.FileTag, "log");

    private readonly IngestionStatus _ingestion;
    private readonly IndexReads _reads;
    private readonly ILiveFeed _feed;
    private readonly FeedHubConnections _hub;

    public StateGauges(IMeterFactory meters, IngestionStatus ingestion, IndexReads reads, ILiveFeed feed, FeedHubConnections hub)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _ingestion = ingestion;
        _reads = reads;
        _feed = feed;
        _hub = hub;

        var ingestionMeter = meters.Create(TelemetryNames.IngestionMeter);
        var indexMeter = meters.Create(TelemetryNames.IndexMeter);
        var feedMeter = meters.Create(TelemetryNames.FeedMeter);
        Gauge(ingestionMeter, InstrumentCatalog.ConsumerLag, Lag);
        Gauge(indexMeter, InstrumentCatalog.IndexSize, Size);
        Gauge(indexMeter, InstrumentCatalog.IndexEvents, () => [new Measurement<long>(Statistics().TotalEvents)]);
        Gauge(feedMeter, InstrumentCatalog.FeedSubscribers, () => [new Measurement<long>(_feed is Core.Feed.LiveFeed live ? live.SubscriberCount : 0)]);
        Gauge(feedMeter, InstrumentCatalog.HubClients, () => [new Measurement<long>(_hub.Count)]);
    }

    private static void Gauge(Meter meter, InstrumentSpec spec, Func<IEnumerable<Measurement<long>>> observe) =>
        meter.CreateObservableGauge(spec.Name, observe, spec.Unit, spec.Description);

    private IEnumerable<Measurement<long>> Lag()
    {
        var lag = _ingestion.LagByPartition;
        var measurements = new List<Measurement<long>>(lag.Count);
        foreach (var (partition, behind) in lag)
        {
            measurements.Add(new Measurement<long>(
                behind,
                new KeyValuePair<string, object?>(Instruments.TopicTag, partition.Topic),
                new KeyValuePair<string, object?>(Instruments.PartitionTag, partition.Partition)));
        }

        return measurements;
    }

    private IEnumerable<Measurement<long>> Size()
    {
        var statistics = Statistics();
        return [new Measurement<long>(statistics.FileSizeBytes, DataFile), new Measurement<long>(statistics.LogSizeBytes, LogFile)];
    }

    // In-memory figures and two file lengths read at most once a second: cheap on the collecting thread.
    private IndexStatistics Statistics() => _reads.RunNow(index => index.GetStatistics()).ValueOr(IndexStatistics.Empty);
}
