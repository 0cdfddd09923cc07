using System.Text;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

/// <summary>Builds envelopes and runners for projection tests.</summary>
internal static class TestEvents
{
    public const long BaseTimestampMs = 1_700_000_000_000;

    public static EventEnvelope Json(string type, string json, string? key = null, long offset = 0, string topic = "shop.orders",
        MessageKind kind = MessageKind.Event, params (string Key, byte[]? Value)[] headers) => new()
        {
            Topic = topic,
            Partition = 1,
            Offset = offset,
            TimestampMs = BaseTimestampMs + offset * 1000,
            Key = key,
            KeyBytes = key is null ? null : Encoding.UTF8.GetBytes(key),
            Payload = Encoding.UTF8.GetBytes(json),
            PayloadFormat = PayloadFormat.Json,
            MessageId = $"msg-{offset}",
            MessageType = type,
            Kind = kind,
            CorrelationId = "corr-1",
            CausationId = offset == 0 ? null : $"msg-{offset - 1}",
            Source = "order-service",
            Subject = key,
            Headers = [.. headers.Select(h => new EnvelopeHeader(h.Key, h.Value))],
        };

    public static EventEnvelope Text(string type, string text, long offset = 0) => new()
    {
        Topic = "logs",
        Partition = 0,
        Offset = offset,
        TimestampMs = BaseTimestampMs,
        Payload = Encoding.UTF8.GetBytes(text),
        PayloadFormat = PayloadFormat.Text,
        MessageId = $"msg-{offset}",
        MessageType = type,
    };

    /// <summary>Numbered events of one type; data is {"n": i}.</summary>
    public static IEnumerable<EventEnvelope> Many(string type, int count, string? key = null) =>
        Enumerable.Range(0, count).Select(i => Json(type, $$"""{"n":{{i}}}""", key, i));

    public static ProjectionRunner Runner(string script, ProjectionLimits? limits = null, ProjectionErrorMode onError = ProjectionErrorMode.Stop)
    {
        var compilation = ProjectionRunner.Create(script, limits ?? Generous, onError);
        Assert.True(compilation.Succeeded, compilation.Error?.ToString());
        return compilation.Runner;
    }

    public static ProjectionRunner Run(string script, IEnumerable<EventEnvelope> events, ProjectionLimits? limits = null)
    {
        var runner = Runner(script, limits);
        foreach (var envelope in events)
        {
            var result = runner.Apply(envelope);
            Assert.NotEqual(StepOutcome.Failed, result.Outcome);
        }

        return runner;
    }

    /// <summary>The app's default limits with a per-call timeout a loaded 2-core machine does not trip (a cold first call took over 250 ms in CI).</summary>
    public static ProjectionLimits Generous { get; } = new() { TimeoutPerCall = TimeSpan.FromSeconds(5) };

    /// <summary>Small limits so hostile scripts end fast; generous timeouts so a loaded machine does not trip them.</summary>
    public static ProjectionLimits Tight { get; } = new()
    {
        TimeoutPerCall = TimeSpan.FromSeconds(5),
        MaxStatementsPerCall = 100_000,
        MaxRecursionDepth = 64,
        MaxMemoryBytesPerCall = 16L * 1024 * 1024,
        MaxArrayLength = 100_000,
        MaxStateJsonLength = 10_000,
        StateCheckInterval = 16,
        MaxPartitions = 100,
    };
}
