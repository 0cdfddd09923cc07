using Confluent.Kafka;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Groups;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// One run of a demo service's consumer: a dedicated thread (Consume blocks, so never a pool thread) that owns the
/// Confluent consumer from build to dispose, commits what it processed every <see cref="CommitInterval"/>, and keeps
/// <see cref="LocalGroupMembers"/> up to date with its member id and assignment.
/// </summary>
internal sealed partial class DemoGroupConsumer
{
    public static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(2);

    // How long a stop request can wait for the loop to notice it; an idle Consume wakes this often.
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(250);

    private readonly DemoServiceGroup _group;
    private readonly ConsumerConfig _config;
    private readonly LocalGroupMembers _members;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DemoGroupProgress _progress;
    private readonly HashSet<TopicPartition> _assigned = [];
    private readonly HashSet<TopicPartition> _pausedPartitions = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile bool _pauseRequested;
    private string? _memberId;
    private long _commits;

    public DemoGroupConsumer(
        DemoServiceGroup group, ConsumerConfig config, TimeSpan analyticsDelay, LocalGroupMembers members, TimeProvider time, ILogger logger, bool paused)
    {
        _group = group;
        _config = config;
        _members = members;
        _time = time;
        _logger = logger;
        _pauseRequested = paused;
        _progress = new DemoGroupProgress(group.IsSlow ? analyticsDelay : null);
        _thread = new Thread(Run) { IsBackground = true, Name = "demo-group " + group.GroupId };
    }

    public bool IsPaused => _pauseRequested;

    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Completes when the consumer has left the group and been disposed.</summary>
    public Task Exited => _exited.Task;

    public void Start() => _thread.Start();

    public void Pause() => _pauseRequested = true;

    public void Resume() => _pauseRequested = false;

    /// <summary>Asks the loop to commit, leave the group and end; see <see cref="Exited"/>.</summary>
    public void RequestStop() => _stopping = true;

    private void Run()
    {
        try
        {
            using var consumer = new ConsumerBuilder<Ignore, Ignore>(_config)
                .SetPartitionsAssignedHandler((c, partitions) => OnAssigned(c, partitions))
                .SetPartitionsRevokedHandler((c, partitions) => OnRevoked(c, partitions.Select(p => p.TopicPartition).ToList(), commit: true))
                .SetPartitionsLostHandler((c, partitions) => OnRevoked(c, partitions.Select(p => p.TopicPartition).ToList(), commit: false))
                .SetLogHandler((_, message) => LogNative(_logger, _group.GroupId, message.Facility, message.Message))
                .SetErrorHandler((_, error) => LogClientError(_logger, _group.GroupId, error.Reason))
                .Build();
            consumer.Subscribe(_group.Topics);
            LogJoining(_logger, _group.GroupId, string.Join(", ", _group.Topics));
            var nextCommit = _time.GetTimestamp() + Ticks(CommitInterval);
            while (!_stopping)
            {
                ApplyPause(consumer);
                Consume(consumer);
                if (_time.GetTimestamp() >= nextCommit)
                {
                    Commit(consumer, only: null);
                    nextCommit = _time.GetTimestamp() + Ticks(CommitInterval);
                }
            }

            // Close runs the revoked handler, which commits what was processed: a restart resumes from there.
            consumer.Close();
        }
        catch (Exception e)
        {
            // A demo service must never take the app down; the group just has no member until it is started again.
            LogFailed(_logger, _group.GroupId, e);
        }
        finally
        {
            if (_memberId is not null)
            {
                _members.Remove(_group.GroupId, _memberId);
            }

            _exited.TrySetResult();
        }
    }

    private void Consume(IConsumer<Ignore, Ignore> consumer)
    {
        try
        {
            if (consumer.Consume(PollTimeout) is { } result)
            {
                var timestamp = result.Message.Timestamp.Type == TimestampType.NotAvailable
                    ? _time.GetUtcNow().ToUnixTimeMilliseconds()
                    : result.Message.Timestamp.UnixTimestampMs;
                _progress.Record(result.TopicPartition, result.Offset.Value, timestamp);
            }
        }
        catch (ConsumeException e)
        {
            // For example a subscribed topic that does not exist yet on a real cluster; reported once per metadata refresh.
            LogConsumeError(_logger, _group.GroupId, e.Error.Reason);
        }
    }

    private void ApplyPause(IConsumer<Ignore, Ignore> consumer)
    {
        if (_pauseRequested)
        {
            var toPause = _assigned.Where(p => !_pausedPartitions.Contains(p)).ToList();
            if (toPause.Count > 0)
            {
                consumer.Pause(toPause);
                _pausedPartitions.UnionWith(toPause);
            }
        }
        else if (_pausedPartitions.Count > 0)
        {
            consumer.Resume(_pausedPartitions.ToList());
            _pausedPartitions.Clear();
        }
    }

    private void Commit(IConsumer<Ignore, Ignore> consumer, IReadOnlyCollection<TopicPartition>? only)
    {
        // A paused service processes nothing, so it has nothing new to commit (its lag grows).
        if (_pauseRequested)
        {
            return;
        }

        var due = _progress.Due(_time.GetUtcNow().ToUnixTimeMilliseconds(), only);
        if (due.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(due);
            _progress.Committed(due);
            Interlocked.Increment(ref _commits);
        }
        catch (KafkaException e)
        {
            // Retried at the next interval with the then-current positions.
            LogCommitFailed(_logger, _group.GroupId, e.Error.Reason);
        }
    }

    private void OnAssigned(IConsumer<Ignore, Ignore> consumer, List<TopicPartition> partitions)
    {
        _assigned.UnionWith(partitions);
        PublishMember(consumer);
    }

    private void OnRevoked(IConsumer<Ignore, Ignore> consumer, List<TopicPartition> partitions, bool commit)
    {
        if (commit)
        {
            Commit(consumer, partitions);
        }

        _progress.Forget(partitions);
        _assigned.ExceptWith(partitions);
        _pausedPartitions.ExceptWith(partitions);
        PublishMember(consumer);
    }

    private void PublishMember(IConsumer<Ignore, Ignore> consumer)
    {
        var memberId = consumer.MemberId;
        if (string.IsNullOrEmpty(memberId))
        {
            return;
        }

        if (_memberId is not null && _memberId != memberId)
        {
            _members.Remove(_group.GroupId, _memberId);
        }

        _memberId = memberId;
        var assignment = _assigned
            .Select(p => new TopicPartitionKey(p.Topic, p.Partition.Value))
            .OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition)
            .ToArray();
        _members.Set(_group.GroupId, new GroupMember(memberId, _config.ClientId ?? _group.GroupId, Environment.MachineName, assignment));
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo group {GroupId} joining, reading {Topics}")]
    private static partial void LogJoining(ILogger logger, string groupId, string topics);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo group {GroupId} stopped after an error")]
    private static partial void LogFailed(ILogger logger, string groupId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo group {GroupId}: consume error {Reason}")]
    private static partial void LogConsumeError(ILogger logger, string groupId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo group {GroupId}: commit failed, retried next interval: {Reason}")]
    private static partial void LogCommitFailed(ILogger logger, string groupId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo group {GroupId}: client error {Reason}")]
    private static partial void LogClientError(ILogger logger, string groupId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo group {GroupId} {Facility}: {Text}")]
    private static partial void LogNative(ILogger logger, string groupId, string facility, string text);
}
