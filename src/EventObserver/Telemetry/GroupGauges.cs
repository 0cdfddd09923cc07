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

    private readonly IConsumerGroupView _groups;

    public GroupGauges(IMeterFactory meters, IConsumerGroupView groups)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _groups = groups;
        var meter = meters.Create(TelemetryNames.GroupsMeter);
        meter.CreateObservableGauge(InstrumentCatalog.GroupLag.Name, Lag, InstrumentCatalog.GroupLag.Unit, InstrumentCatalog.GroupLag.Description);
        meter.CreateObservableGauge(InstrumentCatalog.GroupTimeLag.Name, TimeLag, InstrumentCatalog.GroupTimeLag.Unit, InstrumentCatalog.GroupTimeLag.Description);
        meter.CreateObservableGauge(
            InstrumentCatalog.GroupsRefreshDuration.Name,
            () => new Measurement<double>(_groups.Current.RefreshDuration.TotalSeconds),
            InstrumentCatalog.GroupsRefreshDuration.Unit,
            InstrumentCatalog.GroupsRefreshDuration.Description);
        meter.CreateObservableGauge(
            InstrumentCatalog.GroupsWithErrors.Name,
            () => new Measurement<long>(Errors(_groups.Current)),
            InstrumentCatalog.GroupsWithErrors.Unit,
            InstrumentCatalog.GroupsWithErrors.Description);
    }

    private static long Errors(ConsumerGroupsSnapshot snapshot) =>
        snapshot.Error is not null ? snapshot.Groups.Count : snapshot.Groups.Count(g => g.Error is not null);

    private IEnumerable<Measurement<long>> Lag()
    {
        var snapshot = _groups.Current;
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
        foreach (var group in _groups.Current.Groups)
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
