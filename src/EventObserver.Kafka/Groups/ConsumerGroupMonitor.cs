using System.Diagnostics;

using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Configuration;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Groups;

/// <summary>
/// Refreshes every consumer group each <see cref="GroupsOptions.RefreshInterval"/>: list, describe, committed offsets,
/// one watermark request for every partition involved, lag in messages and time, then a new snapshot, one lag sample
/// per group in the history store and <see cref="Refreshed"/>. One group that cannot be read carries its error and
/// hides no other; a refresh that fails as a whole keeps the previous groups with the snapshot's error. Without an
/// <see cref="IConsumerGroupAdmin"/> (groups turned off) it answers like the stand-in: no groups, and why.
/// </summary>
public sealed class ConsumerGroupMonitor : BackgroundService, IConsumerGroupView
{
    internal const string TurnedOff = "consumer groups are turned off (EventObserver:Groups:Enabled=false)";

    private static readonly ConsumerGroupsSnapshot Off = new(DateTimeOffset.MinValue, TimeSpan.Zero, [], TurnedOff);

    private readonly IConsumerGroupAdmin? _admin;
    private readonly GroupsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILagHistoryStore _store;
    private readonly LagHistoryCache _history;
    private readonly TimeLagResolver _timeLag;
    private readonly ILogger<ConsumerGroupMonitor> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _failingGroups = new(StringComparer.Ordinal);
    private int _failedRefreshes;
    private volatile ConsumerGroupsSnapshot _current;

    public ConsumerGroupMonitor(
        GroupsOptions options,
        TimeProvider time,
        ILagHistoryStore store,
        ICurrentIndex index,
        ILogger<ConsumerGroupMonitor> logger,
        IConsumerGroupAdmin? admin)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RefreshInterval, TimeSpan.Zero);
        _options = options;
        _time = time;
        _store = store;
        _history = new LagHistoryCache(store, options.HistoryRetention);
        _timeLag = new TimeLagResolver(index);
        _logger = logger;
        _admin = admin;
        _current = admin is null ? Off : ConsumerGroupsSnapshot.Empty;
    }

    public ConsumerGroupsSnapshot Current => _current;

    public event Action<ConsumerGroupsSnapshot>? Refreshed;

    /// <summary>Index reads the time-lag lookups made since start (what unchanged positions did not cost).</summary>
    public long TimeLagIndexReads => _timeLag.IndexReads;

    public IReadOnlyList<LagSample> History(string groupId, TimeSpan span)
    {
        if (_admin is null)
        {
            return [];
        }

        try
        {
            return _history.Read(groupId, span, _time.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The history file could not be read (the failure is logged when writing fails too): no sparkline, no error page.
            ConsumerGroupMonitorLog.HistoryFailed(_logger, ex);
            return [];
        }
    }

    public async Task<ConsumerGroupsSnapshot> RefreshNowAsync(CancellationToken cancellationToken)
    {
        if (_admin is null)
        {
            return Off;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await RefreshAsync(_admin, cancellationToken).ConfigureAwait(false);
            _current = snapshot;
            Publish(snapshot);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_admin is null)
        {
            return;
        }

        ConsumerGroupMonitorLog.Started(_logger, _admin.Capabilities.Source, _options.RefreshInterval);
        using var timer = new PeriodicTimer(_options.RefreshInterval, _time);
        try
        {
            do
            {
                await RefreshNowAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    private async Task<ConsumerGroupsSnapshot> RefreshAsync(IConsumerGroupAdmin admin, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var previous = _current;
        try
        {
            var listings = await admin.ListGroupsAsync(cancellationToken).ConfigureAwait(false);
            var ids = listings.Select(l => l.GroupId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            IReadOnlyList<GroupDescription> descriptions = [];
            IReadOnlyList<GroupCommittedOffsets> committed = [];
            IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks> watermarks = new Dictionary<TopicPartitionKey, PartitionWatermarks>();
            if (ids.Length > 0)
            {
                descriptions = await admin.DescribeGroupsAsync(ids, cancellationToken).ConfigureAwait(false);
                committed = await admin.GetCommittedOffsetsAsync(ids, cancellationToken).ConfigureAwait(false);
                var partitions = Involved(descriptions, committed);
                if (partitions.Count > 0)
                {
                    watermarks = await admin.GetWatermarksAsync(partitions, cancellationToken).ConfigureAwait(false);
                }
            }

            var now = _time.GetUtcNow();
            // Time lag reads the (synchronous) index: off the caller's thread, which may be a page's circuit.
            var statuses = await Task.Run(() => Statuses(listings, ids, descriptions, committed, watermarks, previous, now), cancellationToken)
                .ConfigureAwait(false);
            if (_failedRefreshes > 0)
            {
                ConsumerGroupMonitorLog.RefreshRecovered(_logger, _failedRefreshes);
                _failedRefreshes = 0;
            }

            var snapshot = new ConsumerGroupsSnapshot(now, _time.GetElapsedTime(started), statuses, admin.Capabilities.Source);
            KeepHistory(snapshot);
            return snapshot;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (_failedRefreshes++ == 0)
            {
                ConsumerGroupMonitorLog.RefreshFailed(_logger, ex);
            }

            return previous with
            {
                TakenAt = _time.GetUtcNow(),
                RefreshDuration = _time.GetElapsedTime(started),
                Source = admin.Capabilities.Source,
                Error = ex.Message,
            };
        }
    }

    private ConsumerGroupStatus[] Statuses(
        IReadOnlyList<GroupListing> listings,
        string[] ids,
        IReadOnlyList<GroupDescription> descriptions,
        IReadOnlyList<GroupCommittedOffsets> committed,
        IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks> watermarks,
        ConsumerGroupsSnapshot previous,
        DateTimeOffset now)
    {
        _timeLag.StartRefresh();
        var described = descriptions.GroupBy(d => d.GroupId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var offsets = committed.GroupBy(c => c.GroupId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var listed = listings.GroupBy(l => l.GroupId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().State, StringComparer.Ordinal);
        var before = previous.Groups.ToDictionary(g => g.GroupId, StringComparer.Ordinal);
        var sincePrevious = previous.TakenAt == DateTimeOffset.MinValue ? TimeSpan.Zero : now - previous.TakenAt;
        var lookup = new GroupLagCalculator.TimeLagLookup((partition, offset, logEnd) => _timeLag.Resolve(partition, offset, logEnd, now));

        var statuses = new ConsumerGroupStatus[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            var description = described.GetValueOrDefault(id)
                ?? new GroupDescription(id, listed.GetValueOrDefault(id), null, null, [], false, "the broker did not describe this group");
            var groupOffsets = offsets.GetValueOrDefault(id)
                ?? new GroupCommittedOffsets(id, new Dictionary<TopicPartitionKey, long>(), "the broker did not return this group's offsets");
            try
            {
                statuses[i] = GroupLagCalculator.Build(description, groupOffsets, watermarks, lookup, before.GetValueOrDefault(id), sincePrevious);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One group's bad answer must not cost the others their refresh.
                statuses[i] = new ConsumerGroupStatus(id, description.State, description.ProtocolType, description.Assignor,
                    description.Members, description.MembersKnown, [], [], 0, null, ex.Message);
            }

            NoteGroupError(statuses[i]);
        }

        return statuses;
    }

    // Logged when a group starts failing (or fails differently), not every refresh it stays failed.
    private void NoteGroupError(ConsumerGroupStatus status)
    {
        if (status.Error is null)
        {
            _failingGroups.Remove(status.GroupId);
        }
        else if (_failingGroups.Add(status.GroupId))
        {
            ConsumerGroupMonitorLog.GroupFailed(_logger, status.GroupId, status.Error);
        }
    }

    private static HashSet<TopicPartitionKey> Involved(IReadOnlyList<GroupDescription> descriptions, IReadOnlyList<GroupCommittedOffsets> committed)
    {
        var partitions = new HashSet<TopicPartitionKey>();
        foreach (var group in committed)
        {
            partitions.UnionWith(group.Offsets.Keys);
        }

        foreach (var member in descriptions.SelectMany(d => d.Members))
        {
            partitions.UnionWith(member.Assignment);
        }

        return partitions;
    }

    private void KeepHistory(ConsumerGroupsSnapshot snapshot)
    {
        var samples = snapshot.Groups
            .Select(g => (g.GroupId, new LagSample(snapshot.TakenAt, g.TotalLag, g.MaxTimeLag?.TotalSeconds)))
            .ToArray();
        try
        {
            _store.Append(snapshot.TakenAt, samples);
            _store.Trim(snapshot.TakenAt - _options.HistoryRetention);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ConsumerGroupMonitorLog.HistoryFailed(_logger, ex);
        }

        _history.Append(samples, snapshot.TakenAt);
        _history.KeepOnly(snapshot.Groups.Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal));
    }

    private void Publish(ConsumerGroupsSnapshot snapshot)
    {
        foreach (var handler in Refreshed?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<ConsumerGroupsSnapshot>)handler)(snapshot);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A subscriber's failure (a page that went away) must not stop the refresh loop or the other subscribers.
                _logger.LogDebug(ex, "A subscriber of consumer group refreshes failed");
            }
        }
    }
}
