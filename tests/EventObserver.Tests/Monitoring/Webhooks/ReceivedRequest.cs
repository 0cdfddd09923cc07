using System.Text.Json;

namespace EventObserver.Tests.Monitoring.Webhooks;

/// <summary>One POST a <see cref="LoopbackReceiver"/> got, numbered from 1 in arrival order.</summary>
internal sealed record ReceivedRequest(int Number, byte[] Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The conversation keys of a Json-format body's alerts.</summary>
    public IReadOnlyList<string> Conversations => [.. Json.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("conversation").GetString()!)];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
