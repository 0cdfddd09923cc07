using System.Text;
using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;
using EventObserver.Core.Masking;
using EventObserver.Core.Tests.Decoding;

namespace EventObserver.Core.Tests.Masking;

/// <summary>Events decoded by the real decoder (so payload formats are what ingestion gives) and maskers over rules.</summary>
internal static class MaskingEvents
{
    public const string Salt = "test-salt-0123456789abcdef";

    private static readonly EnvelopeDecoder Decoder = new(new LineageOptions());

    public static EventEnvelope Json(string json, string topic = "payments", params (string Key, string? Value)[] headers) =>
        Decoder.Decode(Records.Json(json, topic, headers));

    public static EventEnvelope Bytes(byte[]? value, string topic = "payments", params (string Key, string? Value)[] headers) =>
        Decoder.Decode(Records.Create(value, topic: topic, headers: headers));

    public static EventEnvelope Text(string text, string topic = "payments") => Bytes(Encoding.UTF8.GetBytes(text), topic);

    public static EventMasker Masker(params MaskingRule[] rules) => Masker(Salt, rules);

    public static EventMasker Masker(string salt, params MaskingRule[] rules) =>
        new(new MaskingOptions { Rules = [.. rules], HashSalt = salt });

    public static MaskingRule Path(string path, MaskingAction action = MaskingAction.Mask, string? topic = null) =>
        new() { JsonPath = path, Action = action, Topic = topic };

    public static MaskingRule Header(string name, MaskingAction action = MaskingAction.Mask) => new() { Header = name, Action = action };

    public static MaskingRule Pattern(string pattern, MaskingAction action = MaskingAction.Mask) => new() { Pattern = pattern, Action = action };

    /// <summary>The payload of <paramref name="json"/> after <paramref name="rules"/>, as text.</summary>
    public static string MaskJson(string json, params MaskingRule[] rules) => PayloadText(Masker(rules).Mask(Json(json)));

    public static string PayloadText(EventEnvelope envelope) => Encoding.UTF8.GetString(envelope.Payload!);

    public static string? HeaderText(EventEnvelope envelope, string key) =>
        envelope.Headers.Where(h => h.Key == key).Select(h => h.Value is null ? null : Encoding.UTF8.GetString(h.Value)).FirstOrDefault();
}
