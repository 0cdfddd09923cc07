using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Groups;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// The demo shop's services as real consumers: one consumer group per service (<see cref="DemoGroups"/>), each on its own
/// thread, committing every couple of seconds; the analytics group commits only events older than
/// <see cref="DemoOptions.AnalyticsDelay"/>. Runs with steady demo traffic when <see cref="DemoOptions.ConsumerGroups"/>
/// is on. Tests and the offset-reset flow control a group with <see cref="Pause"/>/<see cref="Resume"/> (member stays,
/// lag grows) and <see cref="StopAsync(string, CancellationToken)"/>/<see cref="Start"/> (no member while stopped).
/// Register it as a singleton and as a hosted service resolved from that singleton.
/// </summary>
public sealed partial class DemoConsumerGroups : IHostedService, IDisposable
{
    private readonly KafkaConnection _connection;
    private readonly DemoOptions _options;
    private readonly LocalGroupMembers _members;
    private readonly TimeProvider _time;
    private readonly ILogger<DemoConsumerGroups> _logger;
    private readonly Dictionary<string, Slot> _slots;
    private readonly CancellationTokenSource _lifetime = new();
    private volatile bool _shutDown;
    private int _disposed;

    public DemoConsumerGroups(
        KafkaConnection connection, IOptions<DemoOptions> options, LocalGroupMembers members, TimeProvider time, ILogger<DemoConsumerGroups> logger)
    {
        _connection = connection;
        _options = options.Value;
        _members = members;
        _time = time;
        _logger = logger;
        _slots = DemoGroups.All.ToDictionary(g => g.GroupId, g => new Slot(g), StringComparer.Ordinal);
    }

    /// <summary>True when the groups start with the app: steady demo traffic is on (the same rule as <see cref="DemoTrafficGenerator.IsEnabled"/>) and <see cref="DemoOptions.ConsumerGroups"/>.</summary>
    public bool IsEnabled => (_options.Enabled ?? _connection.IsEmbedded) && _options.ConsumerGroups;

    /// <summary>Every demo group, in <see cref="DemoGroups.All"/> order, with its state now.</summary>
    public IReadOnlyList<DemoGroupStatus> Groups => DemoGroups.All.Select(g => Status(_slots[g.GroupId])).ToArray();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsEnabled)
        {
            LogStarting(_logger, _slots.Count, _options.AnalyticsDelay.TotalSeconds);
            foreach (var (groupId, slot) in _slots)
            {
                Start(groupId);
                if (slot.Group.RetireAfter is { } after)
                {
                    _ = RetireAsync(groupId, after, _lifetime.Token);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops every group at once (in parallel), waiting at most until <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _shutDown = true;
        // A test host may dispose the service before it stops it.
        if (Volatile.Read(ref _disposed) == 0)
        {
            await _lifetime.CancelAsync();
        }
        await Task.WhenAll(_slots.Keys.Select(id => StopAsync(id, cancellationToken)));
    }

    /// <summary>Starts the group's consumer (it resumes from the group's committed offsets); false when unknown or already running.</summary>
    public bool Start(string groupId)
    {
        if (_shutDown || !_slots.TryGetValue(groupId, out var slot))
        {
            return false;
        }

        lock (slot)
        {
            if (slot.Consumer is not null)
            {
                return false;
            }

            var consumer = new DemoGroupConsumer(
                slot.Group, _connection.CreateDemoConsumerConfig(groupId), _options.AnalyticsDelay, _members, _time, _logger, paused: false);
            slot.Consumer = consumer;
            consumer.Start();
            return true;
        }
    }

    /// <summary>
    /// Closes the group's consumer: it commits what it processed and leaves, so the group has no members (an offset reset
    /// is allowed). Returns when it has left, or when <paramref name="cancellationToken"/> fires (a consumer stuck on an
    /// unreachable broker is then abandoned on its background thread). False when the group is unknown or not running.
    /// </summary>
    public async Task<bool> StopAsync(string groupId, CancellationToken cancellationToken = default)
    {
        if (!_slots.TryGetValue(groupId, out var slot))
        {
            return false;
        }

        DemoGroupConsumer? consumer;
        lock (slot)
        {
            consumer = slot.Consumer;
            if (consumer is null)
            {
                return false;
            }

            consumer.RequestStop();
        }

        try
        {
            await consumer.Exited.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogStopAbandoned(_logger, groupId);
        }

        lock (slot)
        {
            if (ReferenceEquals(slot.Consumer, consumer))
            {
                slot.Commits += consumer.Commits;
                slot.Consumer = null;
            }
        }

        return true;
    }

    private async Task RetireAsync(string groupId, TimeSpan after, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(after, _time, cancellationToken);
            await StopAsync(groupId, cancellationToken);
            LogRetired(_logger, groupId);
        }
        catch (OperationCanceledException)
        {
            // The app stops first: nothing to retire.
        }
    }

    /// <summary>Pauses a running group: its member stays, but it neither consumes nor commits. False when unknown or stopped.</summary>
    public bool Pause(string groupId) => WithConsumer(groupId, c => c.Pause());

    /// <summary>Resumes a paused group; it catches up and commits again. False when unknown or stopped.</summary>
    public bool Resume(string groupId) => WithConsumer(groupId, c => c.Resume());

    // Registered as a singleton and as a hosted service: each consumer thread disposes its own client, so this only asks them to end.
    public void Dispose()
    {
        // Resolved as a singleton and as the hosted service: the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _shutDown = true;
        _lifetime.Cancel();
        _lifetime.Dispose();
        foreach (var slot in _slots.Values)
        {
            lock (slot)
            {
                slot.Consumer?.RequestStop();
            }
        }
    }

    private bool WithConsumer(string groupId, Action<DemoGroupConsumer> action)
    {
        if (!_slots.TryGetValue(groupId, out var slot))
        {
            return false;
        }

        lock (slot)
        {
            if (slot.Consumer is null)
            {
                return false;
            }

            action(slot.Consumer);
            return true;
        }
    }

    private static DemoGroupStatus Status(Slot slot)
    {
        lock (slot)
        {
            var consumer = slot.Consumer;
            var state = consumer is null ? DemoGroupState.Stopped : consumer.IsPaused ? DemoGroupState.Paused : DemoGroupState.Running;
            return new DemoGroupStatus(slot.Group.GroupId, slot.Group.Topics, slot.Group.IsSlow, state, slot.Commits + (consumer?.Commits ?? 0));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo consumer groups: starting {Groups} groups (analytics commits events older than {AnalyticsDelaySeconds} s)")]
    private static partial void LogStarting(ILogger logger, int groups, double analyticsDelaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo group {GroupId} did not leave in time; its consumer is abandoned")]
    private static partial void LogStopAbandoned(ILogger logger, string groupId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo consumer group {GroupId} was switched off (it keeps its committed offsets; its lag now grows)")]
    private static partial void LogRetired(ILogger logger, string groupId);

    private sealed class Slot(DemoServiceGroup group)
    {
        public DemoServiceGroup Group { get; } = group;

        public DemoGroupConsumer? Consumer { get; set; }

        // Commits of the consumers that ran before the current one.
        public long Commits { get; set; }
    }
}
