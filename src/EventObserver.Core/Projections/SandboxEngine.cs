using System.Globalization;
using Jint;
using Jint.Native;

namespace EventObserver.Core.Projections;

/// <summary>
/// One hardened Jint engine per run: no CLR access (interop stays off, nothing of the host is exposed), no string
/// compilation, per-call limits on time, statements, recursion and allocation, a native-stack guard (without it
/// <c>JSON.stringify</c> of a deeply nested object ends the process), and the prelude's removals.
/// </summary>
internal sealed class SandboxEngine
{
    private readonly JsValue _describe;
    private readonly JsValue _stringify;
    private readonly JsValue _toKey;

    private SandboxEngine(ProjectionLimits limits)
    {
        Time = new EventTimeSystem();
        Engine = new Engine(options =>
        {
            options.Constraints.StackOverflowGuard = true;
            options.TimeSystem = Time;
            options.Culture = CultureInfo.InvariantCulture;
            options.LimitRecursion(limits.MaxRecursionDepth)
                .TimeoutInterval(limits.TimeoutPerCall)
                .MaxStatements(limits.MaxStatementsPerCall)
                .LimitMemory(limits.MaxMemoryBytesPerCall)
                .MaxArraySize(limits.MaxArrayLength)
                .RegexTimeoutInterval(limits.TimeoutPerCall)
                .MaxJsonParseDepth(128)
                .DisableStringCompilation()
                .Strict(limits.Strict);
        });
        var maxStringLength = Math.Max(1024, limits.MaxMemoryBytesPerCall / 4).ToString(CultureInfo.InvariantCulture);
        var helpers = Engine.Evaluate(SandboxPrelude.Source.Replace(SandboxPrelude.MaxStringLengthToken, maxStringLength, StringComparison.Ordinal)).AsObject();
        _describe = helpers.Get("describe");
        _stringify = helpers.Get("stringify");
        _toKey = helpers.Get("toKey");
        Events = new EventObjectFactory(Engine);
    }

    public Engine Engine { get; }
    public EventTimeSystem Time { get; }
    public EventObjectFactory Events { get; }

    public static SandboxEngine Create(ProjectionLimits limits) => new(limits);

    /// <summary>A guarded call: Jint arms every limit afresh for each top-level call.</summary>
    public JsValue Call(JsValue function, params JsValue[] arguments) => Engine.Call(function, JsValue.Undefined, arguments);

    /// <summary>The handlers table, or a message saying what is wrong with the script's value.</summary>
    public JsValue Describe(JsValue completion) => Call(_describe, completion);

    /// <summary><c>JSON.stringify</c> as it was before the script ran; null when the value has no JSON form.</summary>
    public string? Stringify(JsValue value) => Call(_stringify, value) is JsString json ? json.ToString() : null;

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

    public bool TryStringify(JsValue value, out string? json)
    {
        try
        {
            json = Stringify(value);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            json = null;
            return false;
        }
    }
}
