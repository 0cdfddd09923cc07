using System.Diagnostics.Metrics;

using EventObserver.Core.Groups;
using EventObserver.Core.Metrics;

namespace EventObserver.Telemetry;

/// <summary>
/// The consumer group gauges of <see cref="InstrumentCatalog"/>, read at each collection from the monitor's latest
/// snapshot (no work beyond walking it). Partition series are capped at <see cref="MaxPartitionSeries"/>: a cluster of
/// 500 groups on 1,000 partitions would otherwise give Prometheus half a million series; topic-level lag
/// (sum by group, topic) stays complete through the time-lag and error gauges' group and topic labels.
/// </summary>
public sealed class GroupGauges
{
    /// <summary>At most this many per-partition lag series per scrape (the largest lags first).</summary>
    public const int MaxPartitionSeries = 10_000;

    private readonly Lazy<IConsumerGroupView> _view;

    /// <param name="meters">This host's meter factory.</param>
    /// <param name="groups">
    /// Resolved at the first collection, not here: the meter provider is built while the host is being built, and the
    /// monitor pulls in the index and the decoders, whose schema registry starts the embedded registry's own web host —
    /// a host built inside another host's build (test hosts then apply their test services to it).
    /// </param>
    public GroupGauges(IMeterFactory meters, Func<IConsumerGroupView> groups)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _view = new Lazy<IConsumerGroupView>(groups);
        var meter = meters.Create(TelemetryNames.GroupsMeter);
        meter.CreateObservableGauge(InstrumentCatalog.GroupLag.Name, Lag, InstrumentCatalog.GroupLag.Unit, InstrumentCatalog.GroupLag.Description);
        meter.CreateObservableGauge(InstrumentCatalog.GroupTimeLag.Name, TimeLag, InstrumentCatalog.GroupTimeLag.Unit, InstrumentCatalog.GroupTimeLag.Description);
        meter.CreateObservableGauge(
            InstrumentCatalog.GroupsRefreshDuration.Name,
            () => new Measurement<double>(Groups.Current.RefreshDuration.TotalSeconds),
            InstrumentCatalog.GroupsRefreshDuration.Unit,
            InstrumentCatalog.GroupsRefreshDuration.Description);
        meter.CreateObservableGauge(
            InstrumentCatalog.GroupsWithErrors.Name,
            () => new Measurement<long>(Errors(Groups.Current)),
            InstrumentCatalog.GroupsWithErrors.Unit,
            InstrumentCatalog.GroupsWithErrors.Description);
    }

    private IConsumerGroupView Groups => _view.Value;

    private static long Errors(ConsumerGroupsSnapshot snapshot) =>
        snapshot.Error is not null ? snapshot.Groups.Count : snapshot.Groups.Count(g => g.Error is not null);

    private IEnumerable<Measurement<long>> Lag()
    {
        var snapshot = Groups.Current;
        var partitions = snapshot.Groups
            .SelectMany(g => g.Partitions.Where(p => p.Lag is not null).Select(p => (g.GroupId, Partition: p)));
        var total = snapshot.Groups.Sum(g => g.Partitions.Count);
        if (total > MaxPartitionSeries)
        {
            partitions = partitions.OrderByDescending(x => x.Partition.Lag).Take(MaxPartitionSeries);
        }

        foreach (var (groupId, partition) in partitions)
        {
            yield return new Measurement<long>(
                partition.Lag!.Value,
                new KeyValuePair<string, object?>(Instruments.GroupTag, groupId),
                new KeyValuePair<string, object?>(Instruments.TopicTag, partition.Topic),
                new KeyValuePair<string, object?>(Instruments.PartitionTag, partition.Partition));
        }
    }

    private IEnumerable<Measurement<double>> TimeLag()
    {
        foreach (var group in Groups.Current.Groups)
        {
            foreach (var topic in group.Topics)
            {
                if (topic.MaxTimeLag is { } value)
                {
                    yield return new Measurement<double>(
                        value.TotalSeconds,
                        new KeyValuePair<string, object?>(Instruments.GroupTag, group.GroupId),
                        new KeyValuePair<string, object?>(Instruments.TopicTag, topic.Topic));
                }
            }
        }
    }
}
