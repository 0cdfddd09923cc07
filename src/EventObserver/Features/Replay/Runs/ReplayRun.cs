using System.Text.Json.Nodes;

using EventObserver.Access;
using EventObserver.Core.Projections;
using EventObserver.Core.Selection;

namespace EventObserver.Features.Replay.Runs;

/// <summary>
/// One replay on the server: its own thread reads the selection from the index and feeds each event to its work
/// (a sandboxed projection, or a publish). It lives until it finishes or is stopped, whoever watches it; pages and
/// the API observe <see cref="Snapshot"/> and <see cref="Changed"/> and drive it with the controls. Thread-safe.
/// </summary>
public sealed partial class ReplayRun
{
    private readonly object _gate = new();
    private readonly Lock _workLock = new();
    private readonly IReplayWork _work;
    private readonly ResolvedSelection _resolved;
    private readonly TimeProvider _time;
    private readonly TimeSpan _snapshotInterval;

    // Serialising and diffing the state costs more than the counters: it refreshes every other snapshot while running.
    private readonly TimeSpan _stateInterval;
    private readonly bool _keepFinalState;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private ReplayRunSnapshot _snapshot;
    private bool _paused;
    private int _stepsRequested;
    private string? _runToType;
    private bool _stopRequested;
    private string? _stopReason;
    private bool _workReleased;
    private byte[]? _finalState;
    private int _readersWaiting;
    private long _processed;

    // Set under the gate by every control; the loop only takes the gate while it is set (or not free running).
    private volatile bool _controlsTouched;

    internal ReplayRun(string id, string? label, string? script, ResolvedSelection resolved, IReplayWork work,
        bool startPaused, TimeSpan snapshotInterval, TimeProvider time, bool keepFinalState = false)
    {
        _keepFinalState = keepFinalState;
        Id = id;
        Label = label;
        Script = script;
        _resolved = resolved;
        _work = work;
        _time = time;
        _snapshotInterval = snapshotInterval;
        _stateInterval = snapshotInterval * 2;
        _paused = startPaused;
        StartedAt = time.GetUtcNow();
        _snapshot = new ReplayRunSnapshot
        {
            Id = id,
            Kind = work.Kind,
            Label = label,
            Status = startPaused ? ReplayRunStatus.Paused : ReplayRunStatus.Running,
            Processed = 0,
            Total = resolved.Total,
            StartedAt = StartedAt,
            PartitionCount = 0,
        };
    }

    public string Id { get; }
    public string? Label { get; }

    /// <summary>Who started the run: it read the selection as they may see it, so only they and wider readers may watch it.</summary>
    public UserAccess StartedBy { get; init; } = UserAccess.System;

    /// <summary>A publish that sends nothing: it lists what would be sent (a publish preview).</summary>
    public bool DryRun { get; init; }

    /// <summary>Which compare this run is a side of; null for a run of its own.</summary>
    public ReplayCompareTag? Compare { get; init; }

    /// <summary>True when masking rules exist and the run read raw values (its starter sees them).</summary>
    public bool ReadRawValues { get; init; }
    public ReplayRunKind Kind => _work.Kind;

    internal IReplayWork Work => _work;

    /// <summary>The projection's source; null for a publish.</summary>
    public string? Script { get; }
    public EventSelection Selection => _resolved.Selection;
    public DateTimeOffset StartedAt { get; }
    public long Total => _resolved.Total;

    /// <summary>Events processed so far (fresher than <see cref="Snapshot"/> during a fast run).</summary>
    public long Processed => Interlocked.Read(ref _processed);

    public ReplayRunSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Completes when the run has finished (completed, failed or stopped).</summary>
    public Task Completion => _completion.Task;

    /// <summary>
    /// Raised on the run's thread after each new <see cref="Snapshot"/>: after every step or status change, and at
    /// most every few hundred milliseconds while running. Handlers must be quick and marshal to their own context.
    /// </summary>
    public event Action<ReplayRun>? Changed;

    /// <summary>
    /// Whether <paramref name="viewer"/> may see this run (its state, events, errors and previews): the user who started
    /// it or one who reads every topic, and when the run read raw values, only a viewer who sees raw values too.
    /// </summary>
    public bool IsVisibleTo(UserAccess viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var starter = viewer.IsAuthenticated == StartedBy.IsAuthenticated && string.Equals(viewer.Name, StartedBy.Name, StringComparison.Ordinal);
        return (starter || viewer.Topics.IsUnrestricted) && (viewer.SeesRawValues || !ReadRawValues);
    }

    public ReplayCommandResult Pause() => Control(allowWhenPaused: false, () => _paused = true);

    public ReplayCommandResult Resume() => Control(allowWhenPaused: true, () =>
    {
        _paused = false;
        _runToType = null;
    });

    /// <summary>Processes <paramref name="count"/> more events, then stays paused; only while paused.</summary>
    public ReplayCommandResult Step(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            if (Finished() is { } finished)
            {
                return finished;
            }

            if (!_paused)
            {
                return ReplayCommandResult.Refused("The run is running: pause it before stepping.");
            }

            _stepsRequested += count;
            _controlsTouched = true;
            Monitor.PulseAll(_gate);
            return ReplayCommandResult.Ok;
        }
    }

    /// <summary>Runs until an event of <paramref name="type"/> has been processed, then pauses (after it, so its change shows).</summary>
    public ReplayCommandResult RunTo(string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return Control(allowWhenPaused: true, () =>
        {
            _runToType = type.Trim();
            _paused = false;
        });
    }

    public ReplayCommandResult Stop() => Control(allowWhenPaused: true, () =>
    {
        _stopRequested = true;
        _stopping.Cancel();
    });

    /// <summary>Stops the run saying why: the reason becomes its message (and the publish log's error of a publish).</summary>
    public ReplayCommandResult Stop(string reason) => Control(allowWhenPaused: true, () =>
    {
        _stopReason = reason;
        _stopRequested = true;
        _stopping.Cancel();
    });

    /// <summary>
    /// Once finished, whether <see cref="GetState"/> still gives the whole state: the last snapshot holds every partition,
    /// or the final state was small enough to keep (see <see cref="MaxFinalStateBytes"/>).
    /// </summary>
    public bool HasCompleteState => !Snapshot.StateTruncated || Volatile.Read(ref _finalState) is not null;

    /// <summary>
    /// The whole current state (partition key → state when partitioned), or one partition's; null for a publish.
    /// A finished run has released its engine: this is then its final state as kept (see <see cref="HasCompleteState"/>).
    /// </summary>
    public JsonNode? GetState(string? partitionKey = null)
    {
        Interlocked.Increment(ref _readersWaiting);
        try
        {
            lock (_workLock)
            {
                if (_workReleased)
                {
                    var final = _finalState is { } json ? JsonNode.Parse(json) : Snapshot.State?.DeepClone();
                    return partitionKey is null ? final : (final as JsonObject)?[partitionKey]?.DeepClone();
                }

                return _work.GetState(partitionKey);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _readersWaiting);
        }
    }

    /// <summary>Waits until a snapshot satisfies <paramref name="predicate"/> (checked at once and after every change).</summary>
    public async Task<ReplayRunSnapshot> WaitForAsync(Func<ReplayRunSnapshot, bool> predicate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var matched = new TaskCompletionSource<ReplayRunSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(ReplayRun run)
        {
            var snapshot = run.Snapshot;
            if (predicate(snapshot))
            {
                matched.TrySetResult(snapshot);
            }
            else if (snapshot.IsFinished)
            {
                matched.TrySetException(new InvalidOperationException($"The run finished ({snapshot.Status}) without reaching the awaited state."));
            }
        }

        Changed += OnChanged;
        try
        {
            OnChanged(this);
            using var registration = cancellationToken.Register(() => matched.TrySetCanceled(cancellationToken));
            return await matched.Task.ConfigureAwait(false);
        }
        finally
        {
            Changed -= OnChanged;
        }
    }

    internal void Start()
    {
        // A big stack: the sandbox limits recursion, and its native stack guard needs room to catch the rest.
        var thread = new Thread(Loop, 16 * 1024 * 1024) { IsBackground = true, Name = "replay-" + Id };
        thread.Start();
    }

    private ReplayCommandResult Control(bool allowWhenPaused, Action change)
    {
        lock (_gate)
        {
            if (Finished() is { } finished)
            {
                return finished;
            }

            if (!allowWhenPaused && _paused)
            {
                return ReplayCommandResult.Ok;
            }

            change();
            _controlsTouched = true;
            Monitor.PulseAll(_gate);
            return ReplayCommandResult.Ok;
        }
    }

    private ReplayCommandResult? Finished() =>
        Snapshot.IsFinished || _stopRequested ? ReplayCommandResult.Refused($"The run has {(_stopRequested && !Snapshot.IsFinished ? "been asked to stop" : Snapshot.Status.ToString().ToLowerInvariant())}.") : null;

    private void Publish(ReplayRunSnapshot snapshot)
    {
        Volatile.Write(ref _snapshot, snapshot);
        try
        {
            Changed?.Invoke(this);
        }
        catch (Exception)
        {
            // An observer's failure must never stop the run.
        }
    }
}
