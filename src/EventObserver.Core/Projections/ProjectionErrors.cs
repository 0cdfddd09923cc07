using System.Text.RegularExpressions;
using Acornima;
using EventObserver.Core.Envelopes;
using Jint;
using Jint.Native;
using Jint.Native.Error;
using Jint.Runtime;

namespace EventObserver.Core.Projections;

/// <summary>Turns what Jint throws into a <see cref="ProjectionError"/>, without running script code unguarded.</summary>
internal static class ProjectionErrors
{
    private const int MaxMessageLength = 2000;

    public static ProjectionError FromException(Exception ex, SandboxEngine? sandbox, EventEnvelope? envelope, string? partitionKey)
    {
        var (kind, message) = Classify(ex, sandbox);
        int? line = null;
        int? column = null;
        if (ex is JavaScriptException js)
        {
            var start = js.Location.Start;
            (line, column) = (start.Line, start.Column + 1);
        }
        else if ((ex as ParseErrorException ?? ex.InnerException as ParseErrorException) is { } parse)
        {
            (line, column) = (parse.LineNumber, parse.Column + 1);
        }

        string? stack = ex is JavaScriptException withStack ? withStack.JavaScriptStackTrace
            : JintException.TryGetJavaScriptCallStack(ex, out var callStack) ? callStack : null;
        return new ProjectionError
        {
            Kind = kind,
            Message = Truncate(message),
            Position = envelope is null ? null : new EventPosition(envelope.Topic, envelope.Partition, envelope.Offset),
            EventType = envelope?.MessageType,
            JsStack = string.IsNullOrWhiteSpace(stack) ? null : stack.Trim(),
            Line = line is > 0 ? line : null,
            Column = line is > 0 ? column : null,
            PartitionKey = partitionKey,
        };
    }

    public static ProjectionError Create(ProjectionErrorKind kind, string message, EventEnvelope? envelope = null, string? partitionKey = null) => new()
    {
        Kind = kind,
        Message = message,
        Position = envelope is null ? null : new EventPosition(envelope.Topic, envelope.Partition, envelope.Offset),
        EventType = envelope?.MessageType,
        PartitionKey = partitionKey,
    };

    private static (ProjectionErrorKind Kind, string Message) Classify(Exception ex, SandboxEngine? sandbox) => ex switch
    {
        RegexMatchTimeoutException => (ProjectionErrorKind.Timeout, "A regular expression ran longer than its time limit."),
        TimeoutException => (ProjectionErrorKind.Timeout, "The script ran longer than its time limit."),
        StatementsCountOverflowException => (ProjectionErrorKind.StatementLimit, "The script executed more statements than allowed."),
        RecursionDepthOverflowException => (ProjectionErrorKind.Recursion, "The script recursed deeper than allowed."),
        MemoryLimitExceededException => (ProjectionErrorKind.Memory, $"{ex.Message.TrimEnd('.')}: over the sandbox's memory budget for one call."),
        OutOfMemoryException => (ProjectionErrorKind.Memory, "The script ran out of memory."),
        ParseErrorException parse => (ProjectionErrorKind.Compile, parse.Message),
        ScriptPreparationException => (ProjectionErrorKind.Compile, ex.InnerException?.Message ?? ex.Message),
        JavaScriptException js when js.Error is ErrorInstance && js.Message == "Maximum call stack size exceeded" =>
            (ProjectionErrorKind.Recursion, "Maximum call stack size exceeded."),
        JavaScriptException js => (ProjectionErrorKind.Runtime, DescribeThrown(js, sandbox)),
        _ => (ProjectionErrorKind.Runtime, ex.Message),
    };

    /// <summary>
    /// An Error's message was computed while the guarded call ran. Any other thrown value is described by a
    /// guarded <c>JSON.stringify</c>, because reading its properties from here would run its getters unguarded.
    /// </summary>
    private static string DescribeThrown(JavaScriptException js, SandboxEngine? sandbox)
    {
        var thrown = js.Error;
        if (thrown is ErrorInstance)
        {
            return js.Message;
        }

        if (thrown is JsString or JsNumber or JsBoolean || thrown.IsNull() || thrown.IsUndefined())
        {
            return "Uncaught " + thrown;
        }

        if (sandbox is not null && sandbox.TryStringify(thrown, MaxMessageLength, out var json) && json is not null)
        {
            return "Uncaught " + json;
        }

        return "Uncaught " + thrown.Type.ToString().ToLowerInvariant();
    }

    private static string Truncate(string message) =>
        message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, MaxMessageLength), "…");
}
