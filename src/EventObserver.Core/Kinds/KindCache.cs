using System.Collections.Concurrent;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Kinds;

/// <summary>
/// Remembers the kind evidence of type names and topics, which repeat on every record. Bounded: past its
/// capacity it computes without storing, so odd traffic (random type strings) cannot grow it without limit.
/// </summary>
internal sealed class KindCache
{
    private const int Capacity = 8192;
    private readonly ConcurrentDictionary<string, TypeEvidence> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MessageKind> _topics = new(StringComparer.Ordinal);

    public MessageKind Classify(string? typeName, string topic, string? explicitHint)
    {
        var type = string.IsNullOrWhiteSpace(typeName) ? default : Lookup(_types, typeName, TypeEvidence.Of);
        return MessageKindClassifier.Combine(explicitHint, type, Lookup(_topics, topic, MessageKindClassifier.TopicEvidence));
    }

    private static TValue Lookup<TValue>(ConcurrentDictionary<string, TValue> cache, string key, Func<string, TValue> compute)
    {
        if (cache.TryGetValue(key, out var value))
        {
            return value;
        }

        value = compute(key);
        if (cache.Count < Capacity)
        {
            cache.TryAdd(key, value);
        }

        return value;
    }
}
