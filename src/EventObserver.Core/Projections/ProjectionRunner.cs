using System.Text.Json;
using System.Text.Json.Nodes;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections.Memory;
using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace EventObserver.Core.Projections;

/// <summary>
/// Runs one JavaScript projection over events, one <see cref="Apply"/> at a time (synchronous, no threads, not
/// thread-safe: the owner serialises calls). Each runner has its own engine, so runs never share state.
/// </summary>
/// <remarks>
/// Semantics, KurrentDB-style. The script evaluates to an object of handlers (or uses <c>fromAll().when({...})</c>);
/// <c>options({ partitionBy: e => e.key })</c> before it keeps one state per key. <c>$init()</c> gives the initial
/// state (<c>{}</c> without it or when it returns undefined): once at creation, or once per new partition. For each
/// event the handler named exactly like its type runs first, then <c>$any</c>; a handler returning undefined keeps
/// the (possibly mutated) state, any other value replaces it. Events with no matching handler, or whose
/// <c>partitionBy</c> gives null or undefined, are skipped. A failing event keeps whatever its handler mutated
/// before it threw. <c>Date.now()</c> is the event's timestamp and <c>Math.random</c> is seeded, so the same events
/// always give the same state.
/// </remarks>
public sealed partial class ProjectionRunner : IDisposable
{
    private const int MaxKeptErrors = 1000;

    private readonly Dictionary<string, JsValue> _handlers;
    private readonly Dictionary<string, PartitionState> _partitions = new(StringComparer.Ordinal);
    private readonly List<string> _partitionOrder = [];
    private readonly List<ProjectionError> _errors = [];

    // Not readonly: Dispose drops them, so a finished run keeps no engine alive.
    private SandboxEngine _sandbox;
    private JsValue? _init;
    private JsValue? _any;
    private JsValue? _partitionBy;
    private RunMemoryMeter _memory;
    private object[] _memoryRoots;
    private PartitionState? _single;
    private bool _released;

    private ProjectionRunner(SandboxEngine sandbox, ProjectionLimits limits, ProjectionErrorMode onError,
        Dictionary<string, JsValue> handlers, JsValue? init, JsValue? any, JsValue? partitionBy)
    {
        _sandbox = sandbox;
        Limits = limits;
        OnError = onError;
        _handlers = handlers;
        _init = init;
        _any = any;
        _partitionBy = partitionBy;
        _memory = new RunMemoryMeter(limits.MaxRunMemoryBytes);
        _memoryRoots = [.. sandbox.Roots, .. handlers.Values, .. new[] { init, any, partitionBy }.OfType<JsValue>()];
    }

    public ProjectionLimits Limits { get; }
    public ProjectionErrorMode OnError { get; }
    public bool IsPartitioned => _partitionBy is not null;

    /// <summary>Event types with a handler of their own (not <c>$init</c> or <c>$any</c>).</summary>
    public IReadOnlyCollection<string> HandledTypes => _handlers.Keys;
    public bool HandlesEveryEvent => _any is not null;

    /// <summary>Events given to <see cref="Apply"/>, whatever their outcome.</summary>
    public long Processed { get; private set; }
    public long Applied { get; private set; }
    public long Skipped { get; private set; }
    public long Failed { get; private set; }

    /// <summary>The first errors (at most 1000; <see cref="Failed"/> counts them all).</summary>
    public IReadOnlyList<ProjectionError> Errors => _errors;

    /// <summary>True once an error stopped the run (<see cref="ProjectionErrorMode.Stop"/>).</summary>
    public bool IsStopped { get; private set; }
    public IReadOnlyList<string> PartitionKeys => _partitionOrder;

    public static ProjectionCompilation Create(string script, ProjectionLimits? limits = null, ProjectionErrorMode onError = ProjectionErrorMode.Stop)
    {
        ArgumentNullException.ThrowIfNull(script);
        limits ??= ProjectionLimits.Default;
        limits.Validate();
        SandboxEngine? sandbox = null;
        try
        {
            var source = PrepareSource(script, limits.Strict);
            if (source is null)
            {
                return ProjectionCompilation.Failure(ProjectionErrors.Create(ProjectionErrorKind.Compile,
                    $"Template literals are nested more than {TemplateLiteralRewriter.MaxNesting} deep."));
            }

            sandbox = SandboxEngine.Create(limits);
            var description = sandbox.Describe(sandbox.Engine.Evaluate(source));
            if (description is JsString problem)
            {
                return ProjectionCompilation.Failure(ProjectionErrors.Create(ProjectionErrorKind.Compile, problem.ToString()));
            }

            var table = description.AsObject();
            var handlers = new Dictionary<string, JsValue>(StringComparer.Ordinal);
            JsValue? init = null;
            JsValue? any = null;
            // The table is a null-prototype object the prelude built: plain data properties, no getters to run.
            foreach (var (name, descriptor) in (IEnumerable<KeyValuePair<JsValue, Jint.Runtime.Descriptors.PropertyDescriptor>>) table.Get("handlers").AsObject().GetOwnProperties())
            {
                var handler = descriptor.Value;
                switch (name.ToString())
                {
                    case "$init": init = handler; break;
                    case "$any": any = handler; break;
                    case var type: handlers[type] = handler; break;
                }
            }

            var partitionBy = table.Get("partitionBy") is ObjectInstance by ? by : null;
            var runner = new ProjectionRunner(sandbox, limits, onError, handlers, init, any, partitionBy);
            if (partitionBy is null)
            {
                runner._single = new PartitionState(null, runner.InitialState());
                runner._memory.Charge(runner._single, 0);
            }

            return runner.MeasureMemory(null, null) is { } overBudget
                ? ProjectionCompilation.Failure(overBudget)
                : ProjectionCompilation.Success(runner);
        }
        catch (Exception ex)
        {
            return ProjectionCompilation.Failure(ProjectionErrors.FromException(ex, sandbox, null, null));
        }
    }

    /// <summary>
    /// True once a handler has read an event's <c>data</c>: from then on, <see cref="Prepare"/> saves the sandbox's
    /// thread a scan of every payload. Thread-safe.
    /// </summary>
    public bool ReadsData => _sandbox is { } sandbox && sandbox.Events.DataRead;

    /// <summary>
    /// The engine-free part of applying <paramref name="envelope"/>: the scan of its JSON payload, or null when there is
    /// nothing to prepare. Thread-safe (it touches no runner state), so a reader thread can do it ahead of
    /// <see cref="Apply(EventEnvelope, PreparedPayload?)"/>; the result only saves work, it never changes the outcome.
    /// </summary>
    public static PreparedPayload? Prepare(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.JsonPayload is { } payload ? JsonMemberTable.Prepare(payload) : null;
    }

    /// <summary>Applies one event. Refused (InvalidOperationException) once the run has stopped.</summary>
    public StepResult Apply(EventEnvelope envelope) => Apply(envelope, null);

    /// <summary>
    /// Applies one event, with what <see cref="Prepare"/> made of it (or null). Refused (InvalidOperationException) once
    /// the run has stopped, and (ObjectDisposedException) once it has been released.
    /// </summary>
    public StepResult Apply(EventEnvelope envelope, PreparedPayload? prepared)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ObjectDisposedException.ThrowIf(_released, this);
        if (IsStopped)
        {
            throw new InvalidOperationException("The run stopped at an error; create a new runner to replay again.");
        }

        Processed++;
        var handler = envelope.MessageType is { } type && _handlers.TryGetValue(type, out var typed) ? typed : null;
        if (handler is null && _any is null)
        {
            Skipped++;
            return StepResult.NoHandler;
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        PartitionState? touched = null;
        var result = ApplyHandlers(envelope, prepared, handler, allocatedBefore, ref touched);

        // Charged whatever the outcome: a handler that throws may have kept what it allocated.
        _memory.Charge(touched, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        return _memory.IsDue && !IsStopped ? CheckMemory(result, envelope, touched?.Key) : result;
    }

    private StepResult ApplyHandlers(EventEnvelope envelope, PreparedPayload? prepared, JsValue? handler, long allocatedBefore, ref PartitionState? touched)
    {
        string? key = null;
        try
        {
            _sandbox.Time.CurrentMs = envelope.TimestampMs;
            var e = _sandbox.Events.Create(envelope, prepared);
            var partition = _single;
            if (_partitionBy is not null)
            {
                key = _sandbox.ToPartitionKey(_sandbox.Call(_partitionBy, e));
                if (key is null)
                {
                    Skipped++;
                    return StepResult.NoHandler;
                }

                partition = GetOrCreatePartition(key, envelope);
            }

            touched = partition;
            var state = partition!.State;
            if (handler is not null)
            {
                state = Keep(state, _sandbox.Call(handler, state, e));
            }

            if (_any is not null)
            {
                state = Keep(state, _sandbox.Call(_any, state, e));
            }

            partition.State = state;
            TrackSize(partition, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, envelope);
            Applied++;
            return new StepResult(StepOutcome.Applied, null, key);
        }
        catch (SandboxLimitException limit)
        {
            return Fail(limit.Error);
        }
        catch (Exception ex)
        {
            return Fail(ProjectionErrors.FromException(ex, _sandbox, envelope, key));
        }
    }

    /// <summary>
    /// The whole state as JSON; for a partitioned projection an object of partition key → state, in the order the
    /// partitions appeared. Throws <see cref="ProjectionStateException"/> when the state has no JSON form.
    /// </summary>
    public JsonNode? GetState()
    {
        ObjectDisposedException.ThrowIf(_released, this);
        if (_single is not null)
        {
            return ToJson(_single);
        }

        var states = new JsonObject();
        foreach (var key in _partitionOrder)
        {
            states[key] = ToJson(_partitions[key]);
        }

        return states;
    }

    /// <summary>One partition's state; null when the partition does not exist (or its state is null).</summary>
    public JsonNode? GetPartitionState(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ObjectDisposedException.ThrowIf(_released, this);
        return _partitions.TryGetValue(key, out var partition) ? ToJson(partition) : null;
    }

    private static JsValue Keep(JsValue state, JsValue returned) => returned.IsUndefined() ? state : returned;

    private StepResult Fail(ProjectionError error)
    {
        Failed++;
        if (_errors.Count < MaxKeptErrors)
        {
            _errors.Add(error);
        }

        if (OnError == ProjectionErrorMode.Stop)
        {
            IsStopped = true;
        }

        return new StepResult(StepOutcome.Failed, error, error.PartitionKey);
    }
}
