using EventObserver.Core.Conversations;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Monitoring;

/// <summary>
/// Keeps the tracker in step with the index across restarts: loads the saved snapshot, catches up from the index on
/// what was indexed after it was saved (or, without a snapshot, reads the index's newest <see cref="CatchUpWindow"/>),
/// then feeds it the committed batches. Batches committed while it catches up are held back and handed over after, so
/// none is lost and none moves the tracker's <see cref="IConversationTracker.Positions"/> past events the catch-up has
/// still to read. An index switch (another cluster, a rebuild) starts it over on the new index. Thread-safe:
/// <see cref="Accept"/> and <see cref="ReadBackMissed"/> run on the <see cref="ConversationFeed"/>'s thread, the rest on
/// the monitor's loop.
/// </summary>
public sealed partial class ConversationMonitor : IDisposable
{
    private readonly IConversationTracker _tracker;
    private readonly IConversationSnapshotStore _store;
    private readonly ICurrentIndex _indexes;
    private readonly MonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConversationMonitor> _logger;
    private readonly byte[] _empty;
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<EventEnvelope>> _held = [];
    private int _heldEvents;
    private bool _heldOverflowed;
    private bool _live;
    private volatile bool _loaded;
    private volatile bool _restartPending;
    private IndexSwitchNotice? _switchSeen;

    public ConversationMonitor(
        IConversationTracker tracker,
        IConversationSnapshotStore store,
        ICurrentIndex indexes,
        MonitoringOptions options,
        TimeProvider time,
        ILogger<ConversationMonitor> logger)
    {
        _tracker = tracker;
        _store = store;
        _indexes = indexes;
        _options = options;
        _time = time;
        _logger = logger;

        // What "start over" resets to: the tracker as constructed (configured processes, nothing observed).
        _empty = tracker.ExportSnapshot();
        _switchSeen = indexes.LastSwitch;
        indexes.Changed += OnIndexChanged;
    }

    /// <summary>
    /// How far back the index is read when there is no snapshot: the longest of 1 hour, 5 × <c>QuietAfter</c> and twice
    /// the longest configured deadline, so conversations that can still become stuck are seen from their start.
    /// </summary>
    public TimeSpan CatchUpWindow
    {
        get
        {
            var longest = _options.Processes.Select(p => p.Within ?? TimeSpan.Zero).DefaultIfEmpty(TimeSpan.Zero).Max();
            return new[] { TimeSpan.FromHours(1), _options.QuietAfter * 5, longest * 2 }.Max();
        }
    }

    /// <summary>Events held back while catching up are capped (memory); beyond it they are let go and read back from the index.</summary>
    public int MaxHeldEvents { get; init; } = 100_000;

    /// <summary>True once caught up: batches go straight to the tracker, and deadlines may be checked.</summary>
    public bool IsLive
    {
        get { lock (_gate) { return _live; } }
    }

    /// <summary>The index was switched (another cluster, a rebuild): <see cref="StartOver"/> is due.</summary>
    public bool RestartPending => _restartPending;

    /// <summary>Set once the saved snapshot was loaded (or found missing): only then may the state be saved over it.</summary>
    public bool Loaded => _loaded;

    /// <summary>A committed batch, in commit order from the feed: to the tracker, or held back while catching up.</summary>
    public void Accept(IReadOnlyList<EventEnvelope> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            if (_live)
            {
                _tracker.Observe(batch);
                return;
            }

            if (_heldOverflowed)
            {
                return;
            }

            if (_heldEvents + batch.Count > MaxHeldEvents)
            {
                // Committed, so in the index: the catch-up reads them back instead of holding them in memory.
                _held.Clear();
                _heldEvents = 0;
                _heldOverflowed = true;
                return;
            }

            _held.Add(batch);
            _heldEvents += batch.Count;
        }
    }

    /// <summary>
    /// The feed let committed batches go (its queue was full): read from the index what lies beyond the tracker's
    /// positions, or, while still catching up, let the catch-up read it there.
    /// </summary>
    public void ReadBackMissed(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Held batches are older than the ones let go: the read from the positions covers both.
            _held.Clear();
            _heldEvents = 0;
            if (!_live)
            {
                _heldOverflowed = true;
                return;
            }

            _live = false;
        }

        CatchUp(resumed: true, cancellationToken);
    }

    /// <summary>At start: the saved snapshot (if any and readable), then the catch-up from the index, then live.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        byte[]? snapshot = null;
        try
        {
            snapshot = _store.Load();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSnapshotRejected(ex.Message);
        }

        var resumed = false;
        if (snapshot is not null)
        {
            try
            {
                _tracker.ImportSnapshot(snapshot);
                resumed = true;
            }
            catch (FormatException ex)
            {
                LogSnapshotRejected(ex.Message);
                _tracker.ImportSnapshot(_empty);
            }
        }

        _loaded = true;
        CatchUp(resumed, cancellationToken);
    }

    /// <summary>After an index switch: forget everything and build from the new index's newest window.</summary>
    public void StartOver(CancellationToken cancellationToken)
    {
        // Batches held since the switch are the new index's: kept, and handed over after its catch-up.
        lock (_gate)
        {
            _restartPending = false;
            _live = false;
        }

        _tracker.ImportSnapshot(_empty);
        LogStartedOver(_switchSeen?.ArchivedTo ?? string.Empty);
        CatchUp(resumed: false, cancellationToken);
    }

    /// <summary>Saves the tracker's state; a failure is logged (the next save tries again), never thrown.</summary>
    public bool Save()
    {
        if (!_loaded)
        {
            // Saving before the old snapshot was read would replace it with an empty state.
            return false;
        }

        try
        {
            var snapshot = _tracker.ExportSnapshot();
            _store.Save(snapshot);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSaveFailed(ex);
            return false;
        }
    }

    public void Dispose() => _indexes.Changed -= OnIndexChanged;

    private void CatchUp(bool resumed, CancellationToken cancellationToken)
    {
        var windowStart = _time.GetUtcNow() - CatchUpWindow;
        var fromPositions = resumed;
        var read = 0L;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_restartPending)
            {
                return;
            }

            try
            {
                if (_indexes.TryGet(out var index))
                {
                    read += fromPositions
                        ? IndexReadBack.BeyondPositions(_tracker, index, windowStart, cancellationToken)
                        : IndexReadBack.Window(_tracker, index, ref windowStart, _time.GetUtcNow(), cancellationToken);
                }
            }
            catch (ObjectDisposedException)
            {
                // The index was switched while read: OnIndexChanged asked for a start over.
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // What was not read back is missing from the counts; tracking what comes next still works.
                LogCatchUpFailed(ex);
            }

            lock (_gate)
            {
                if (_restartPending)
                {
                    return;
                }

                if (_heldOverflowed)
                {
                    // The batches let go are in the index beyond what the tracker has seen: read them there.
                    _heldOverflowed = false;
                    fromPositions = true;
                    continue;
                }

                foreach (var batch in _held)
                {
                    _tracker.Observe(batch);
                }

                LogCaughtUp(read, _held.Count, resumed);
                _held.Clear();
                _heldEvents = 0;
                _live = true;
                return;
            }
        }
    }

    private void OnIndexChanged(IEventIndex index)
    {
        // A reopen of the same file, or the first index of a first start, is the same data; only an archive (a new
        // switch notice) means another cluster's or a rebuilt index.
        lock (_gate)
        {
            var notice = _indexes.LastSwitch;
            if (notice is null || ReferenceEquals(notice, _switchSeen))
            {
                return;
            }

            _switchSeen = notice;
            _restartPending = true;
            _live = false;
            _held.Clear();
            _heldEvents = 0;
            _heldOverflowed = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The saved conversation snapshot cannot be used ({Reason}); conversations are rebuilt from the index's newest events")]
    private partial void LogSnapshotRejected(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation monitor caught up: {Read} events read back from the index, {Held} batches held during it (resumed from a snapshot: {Resumed})")]
    private partial void LogCaughtUp(long read, int held, bool resumed);

    [LoggerMessage(Level = LogLevel.Information, Message = "The index was switched (old one archived to {ArchivedTo}): conversation monitoring starts over on the new index")]
    private partial void LogStartedOver(string archivedTo);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading back the index for the conversation monitor failed; it goes on with the batches indexed from now on")]
    private partial void LogCatchUpFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conversation snapshot could not be saved; the next save tries again")]
    private partial void LogSaveFailed(Exception exception);
}
