using System.Globalization;
using System.Text.Json;

using EventObserver.Access;
using EventObserver.Access.Enforcement;
using EventObserver.Configuration;
using EventObserver.Core.Decoding;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Kafka.Replay;
using EventObserver.Storage.Projections;

using Microsoft.Extensions.Options;

namespace EventObserver.Features.Replay.Runs;

/// <summary>
/// Starts and keeps replay runs (singleton): runs live here, not in a page or a request, so closing a tab does not
/// stop one and reopening finds it. Keeps every running or paused run and the newest finished ones
/// (<see cref="ReplayOptions.MaxKeptRuns"/>). Thread-safe. A run reads its selection as the user who started it may
/// see it (readable topics only, masked values unless they see raw values), so its state and diffs hold nothing more.
/// </summary>
public sealed partial class ReplayRunManager : IDisposable
{
    public const int MaxCompareChanges = 10_000;

    private readonly ICurrentIndex _indexes;
    private readonly ReplayPublisher _publisher;
    private readonly ProjectionStore _store;
    private readonly ReplayOptions _options;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplayRunManager> _logger;
    private readonly IEventMasker _masker;
    private readonly EnvelopeDecoder? _decoder;
    private readonly Lock _sync = new();
    private readonly List<ReplayRun> _runs = [];

    // Starts that passed the active-run check and are compiling: they hold their place until added or refused.
    private int _starting;

    public ReplayRunManager(ICurrentIndex indexes, ReplayPublisher publisher, ProjectionStore store,
        IOptions<ReplayOptions> options, IAuditLog audit, TimeProvider time, ILogger<ReplayRunManager> logger, IEventMasker? masker = null,
        EnvelopeDecoder? decoder = null)
    {
        _decoder = decoder;
        _audit = audit;
        _masker = masker ?? NoMasking.Instance;
        _indexes = indexes;
        _publisher = publisher;
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Raised when a run is added, finishes or is dropped (not on its progress: see <see cref="ReplayRun.Changed"/>).</summary>
    public event Action? RunsChanged;

    public PublishPolicy PublishPolicy => new(_options.AllowPublish, _options.AllowedTargets);

    /// <summary>A kept run, whoever started it (internal work and tests; pages and endpoints ask with the viewer).</summary>
    public ReplayRun? Get(string id)
    {
        lock (_sync)
        {
            return _runs.Find(r => r.Id == id);
        }
    }

    /// <summary>A kept run <paramref name="viewer"/> may see (<see cref="ReplayRun.IsVisibleTo"/>); null otherwise.</summary>
    public ReplayRun? Get(string id, UserAccess viewer) => Get(id) is { } run && run.IsVisibleTo(viewer) ? run : null;

    /// <summary>Kept runs, newest first, whoever started them (internal work and tests; pages and endpoints ask with the viewer).</summary>
    public IReadOnlyList<ReplayRun> List()
    {
        lock (_sync)
        {
            return [.. Enumerable.Reverse(_runs)];
        }
    }

    /// <summary>Kept runs <paramref name="viewer"/> may see, newest first.</summary>
    public IReadOnlyList<ReplayRun> List(UserAccess viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return [.. List().Where(r => r.IsVisibleTo(viewer))];
    }

    /// <summary>
    /// Starts a projection run or a publish (dry or real) for <paramref name="access"/>: over what that user may see, refused
    /// when it names a topic they may not read. The audit log records the start (and a refused publish) with
    /// <see cref="ReplayRequest.Actor"/>, so the page and the API are audited alike.
    /// </summary>
    public ReplayStartResult Start(ReplayRequest request, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return new ReplayStartResult { Problem = ReplayStartProblem.InvalidRequest, Message = "The replay request is invalid.", Errors = errors };
        }

        if (!_indexes.TryGet(out var rawIndex))
        {
            return ReplayStartResult.Failed(ReplayStartProblem.NoIndex, "No index is open yet: nothing to replay until the broker has answered.");
        }

        var view = new AccessView(access, _masker, _decoder);
        var index = view.Over(rawIndex);
        if (Refusal(request, view, index) is { } refused)
        {
            return refused;
        }

        // The check and the add are one step: a place is taken under the lock before compiling (outside it, so starts
        // compile in parallel) and given back when the start is refused.
        lock (_sync)
        {
            var active = _runs.Count(r => !r.Snapshot.IsFinished) + _starting;
            if (active >= _options.MaxActiveRuns)
            {
                return ReplayStartResult.Failed(ReplayStartProblem.TooManyRuns,
                    $"{active} runs are running, paused or starting (the most allowed, EventObserver:Replay:MaxActiveRuns); stop one first.");
            }

            _starting++;
        }

        ReplayStartResult started;
        try
        {
            var id = Guid.NewGuid().ToString("N")[..12];
            started = request.Publish is { } publish ? StartPublish(id, request, publish, index, access) : StartProjection(id, request, index, access);
        }
        catch
        {
            lock (_sync)
            {
                _starting--;
            }

            throw;
        }

        if (started.Run is { } run)
        {
            Add(run, reserved: true);
            LogStarted(run.Id, run.Kind, run.Total);
            _audit.Record(ReplayAudit.Started(run, request));
        }
        else
        {
            lock (_sync)
            {
                _starting--;
            }
        }

        return started;
    }

    public void Dispose()
    {
        // The container is disposed when the app ends: usually the shutdown has stopped the runs already. The wait is
        // short so a run that does not stop cannot hold the process past the host's shutdown timeout.
        StopAllForShutdownAsync().Wait(TimeSpan.FromSeconds(2));
    }

    private static Dictionary<string, string[]> Validate(ReplayRequest request)
    {
        var errors = request.Selection is null
            ? new Dictionary<string, string[]> { ["selection"] = ["A selection is required (it may be empty: {})."] }
            : request.Selection.Validate();
        if ((request.Script is null) == (request.Publish is null))
        {
            errors["projection"] = ["Give either a projection (JavaScript) or a publish target, not both or neither."];
        }
        else if (request.Script is { } script && (string.IsNullOrWhiteSpace(script) || script.Length > ReplayRequest.MaxScriptLength))
        {
            errors["projection"] = [$"The projection must be non-empty JavaScript of at most {ReplayRequest.MaxScriptLength:N0} characters."];
        }

        if (request.Publish is { RatePerSec: { } rate } && !(rate >= ReplayPublishRequest.MinRatePerSec && rate <= ReplayPublishRequest.MaxRatePerSec))
        {
            errors["publish.ratePerSec"] = [string.Create(CultureInfo.InvariantCulture,
                $"ratePerSec must be from {ReplayPublishRequest.MinRatePerSec} to {ReplayPublishRequest.MaxRatePerSec:N0} events per second; it is {rate}.")];
        }

        return errors;
    }

    private ProjectionLimits Limits => ProjectionLimits.Default with
    {
        MaxRunMemoryBytes = _options.MaxRunMemoryMb * 1024L * 1024,
        TimeoutPerCall = _options.ScriptTimeoutPerCall,
    };

    private static ReplayStartResult CompileFailed(ProjectionError error) =>
        new() { Problem = ReplayStartProblem.CompileError, Message = error.Message, CompileError = error };

    private ReplayStartResult StartProjection(string id, ReplayRequest request, IEventIndex index, UserAccess access)
    {
        var compiled = ProjectionRunner.Create(request.Script!, Limits, request.OnError);
        if (!compiled.Succeeded)
        {
            return CompileFailed(compiled.Error);
        }

        var resolved = ResolvedSelection.Resolve(index, request.Selection, request.EndOffsets);
        var work = new ProjectionWork(compiled.Runner, _options.MaxSnapshotPartitions);
        return ReplayStartResult.Started(new ReplayRun(id, request.Label, request.Script, resolved, work, request.StartPaused, _options.SnapshotInterval, _time, request.KeepFinalState)
        {
            Compare = request.Compare,
            StartedBy = access,
            ReadRawValues = access.SeesRawValues && _masker.HasRules,
        });
    }

    private ReplayStartResult StartPublish(string id, ReplayRequest request, ReplayPublishRequest publish, IEventIndex index, UserAccess access)
    {
        var resolved = ResolvedSelection.Resolve(index, request.Selection, request.EndOffsets);
        var target = publish.TargetTopic?.Trim() ?? string.Empty;
        var sources = !string.IsNullOrEmpty(target) && resolved.Includes(target) ? new[] { target } : [];
        var decision = PublishGuard.Check(PublishPolicy, target, sources, publish.ConfirmSameTopic);
        if (!decision.IsAllowed && (!publish.DryRun || decision.Refusal == PublishRefusal.InvalidTarget))
        {
            _audit.Record(ReplayAudit.PublishRefused(request, publish, decision.Reason));
            return new ReplayStartResult { Problem = ReplayStartProblem.PublishRefused, Message = decision.Reason, Refusal = decision.Refusal };
        }

        var session = _publisher.Begin(new PublishTarget(target, id, publish.DryRun, publish.RatePerSec));
        var record = new PublishRecord
        {
            ReplayId = id,
            TargetTopic = target,
            DryRun = publish.DryRun,
            Selection = JsonSerializer.Serialize(ReplaySelectionDto.Of(request.Selection), ReplayJson.Options),
            SourceTopics = [.. request.Selection.Topics],
            Selected = resolved.Total,
            RatePerSec = publish.RatePerSec,
            Status = "running",
            StartedAt = _time.GetUtcNow(),
        };
        _store.RecordPublish(record);
        var work = new PublishWork(session, _store, record, decision.Reason, _time);
        return ReplayStartResult.Started(new ReplayRun(id, request.Label, null, resolved, work, request.StartPaused, _options.SnapshotInterval, _time)
        {
            DryRun = publish.DryRun,
            StartedBy = access,
            ReadRawValues = access.SeesRawValues && _masker.HasRules,
        });
    }

    private void Add(ReplayRun run, bool reserved)
    {
        lock (_sync)
        {
            _runs.Add(run);
            if (reserved)
            {
                _starting--;
            }

            var finished = _runs.Where(r => r.Snapshot.IsFinished).ToList();
            foreach (var old in finished.Take(Math.Max(0, finished.Count - _options.MaxKeptRuns + 1)))
            {
                _runs.Remove(old);
                old.ReleaseWork();
            }
        }

        _ = run.Completion.ContinueWith(_ => OnFinished(run), TaskScheduler.Default);
        run.Start();
        RaiseRunsChanged();
    }

    private void OnFinished(ReplayRun run)
    {
        var snapshot = run.Snapshot;
        LogFinished(run.Id, snapshot.Status, snapshot.Processed, snapshot.Message);
        RaiseRunsChanged();
    }

    private void RaiseRunsChanged()
    {
        try
        {
            RunsChanged?.Invoke();
        }
        catch (Exception)
        {
            // An observer's failure must not break the manager.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId} ({Kind}) started over {Total} events")]
    private partial void LogStarted(string replayId, ReplayRunKind kind, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId} finished {Status} after {Processed} events {Problem}")]
    private partial void LogFinished(string replayId, ReplayRunStatus status, long processed, string? problem);
}
