using System.Text;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Tests.Decoding;

/// <summary>Builds raw records for decoder tests.</summary>
internal static class Records
{
    public static RawRecord Create(
        byte[]? value = null,
        byte[]? key = null,
        string topic = "orders",
        int partition = 0,
        long offset = 42,
        params (string Key, string? Value)[] headers) => new()
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = 1_700_000_000_000,
            TimestampKind = TimestampKind.CreateTime,
            Key = key,
            Value = value,
            Headers = [.. headers.Select(h => new EnvelopeHeader(h.Key, h.Value is null ? null : Encoding.UTF8.GetBytes(h.Value)))],
        };

    public static RawRecord Json(string json, string topic = "orders", params (string Key, string? Value)[] headers) =>
        Create(Encoding.UTF8.GetBytes(json), topic: topic, headers: headers);

    public static RawRecord WithHeaders(params (string Key, string? Value)[] headers) =>
        Create(Encoding.UTF8.GetBytes("{\"amount\":10}"), headers: headers);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
