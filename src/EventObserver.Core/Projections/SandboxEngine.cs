using System.Globalization;
using Jint;
using Jint.Native;

namespace EventObserver.Core.Projections;

/// <summary>
/// One hardened Jint engine per run: no CLR access (interop stays off, nothing of the host is exposed), no string
/// compilation, per-call limits on time, statements, recursion and allocation, a native-stack guard (without it
/// <c>JSON.stringify</c> of a deeply nested object ends the process), the string-builder guards and the prelude's removals.
/// </summary>
internal sealed class SandboxEngine
{
    private static readonly TimeSpan PreludeTimeout = TimeSpan.FromSeconds(10);

    private readonly JsValue _describe;
    private readonly JsValue _stringify;
    private readonly JsValue _toKey;

    private SandboxEngine(ProjectionLimits limits)
    {
        Time = new EventTimeSystem();
        var deadline = new SandboxDeadline(PreludeTimeout);
        Engine = new Engine(options =>
        {
            options.Constraints.StackOverflowGuard = true;
            options.TimeSystem = Time;
            options.Culture = CultureInfo.InvariantCulture;
            options.LimitRecursion(limits.MaxRecursionDepth)
                .Constraint(deadline)
                .MaxStatements(limits.MaxStatementsPerCall)
                .LimitMemory(limits.MaxMemoryBytesPerCall)
                .MaxArraySize(limits.MaxArrayLength)
                .RegexTimeoutInterval(limits.TimeoutPerCall)
                .MaxJsonParseDepth(128)
                .DisableStringCompilation()
                .Strict(limits.Strict);
        });
        // The longest string a guarded builder (join, JSON.stringify, repeat…) may produce: two bytes a character, and
        // room for a copy of it within one call's memory.
        var maxStringLength = Math.Max(1024, limits.MaxMemoryBytesPerCall / 4);
        var guards = Engine.Evaluate(SandboxStringGuards.Source.Replace(SandboxStringGuards.MaxLengthToken,
            maxStringLength.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)).AsObject();
        _stringify = guards.Get("stringify");
        var helpers = Engine.Evaluate(SandboxPrelude.Source).AsObject();
        _describe = helpers.Get("describe");
        _toKey = helpers.Get("toKey");
        deadline.Interval = limits.TimeoutPerCall;
        Events = new EventObjectFactory(Engine);
    }

    public Engine Engine { get; }
    public EventTimeSystem Time { get; }
    public EventObjectFactory Events { get; }

    /// <summary>What the host keeps besides the engine: the heap walk's roots (see <see cref="Memory.RunMemoryMeter"/>).</summary>
    public IEnumerable<object> Roots => [this, Engine, Events, _describe, _stringify, _toKey];

    public static SandboxEngine Create(ProjectionLimits limits) => new(limits);

    /// <summary>A guarded call: Jint arms every limit afresh for each top-level call.</summary>
    public JsValue Call(JsValue function, params JsValue[] arguments) => Engine.Call(function, JsValue.Undefined, arguments);

    /// <summary>The handlers table, or a message saying what is wrong with the script's value.</summary>
    public JsValue Describe(JsValue completion) => Call(_describe, completion);

    /// <summary>
    /// <c>JSON.stringify</c> as it was before the script ran, guarded: a document longer than <paramref name="maxLength"/>
    /// (or one that allocates past the per-call limit while it is built) throws. Null when the value has no JSON form.
    /// </summary>
    public string? Stringify(JsValue value, long maxLength) =>
        Call(_stringify, value, JsValue.Undefined, JsValue.Undefined, maxLength) is JsString json ? json.ToString() : null;

    /// <summary>
    /// A partition key as text, or null (skip the event) for null and undefined. Strings and numbers are converted
    /// here; anything else goes through a guarded <c>String(key)</c>, since its toString is script code.
    /// </summary>
    public string? ToPartitionKey(JsValue key) => key switch
    {
        JsString text => text.ToString(),
        JsNumber number => number.ToString(),
        _ when key.IsNull() || key.IsUndefined() => null,
        _ => Call(_toKey, key) is JsString text ? text.ToString() : null,
    };

    public bool TryStringify(JsValue value, long maxLength, out string? json)
    {
        try
        {
            json = Stringify(value, maxLength);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            json = null;
            return false;
        }
    }
}
