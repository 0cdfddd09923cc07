using System.Collections.Concurrent;
using System.Text;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Masking;

/// <summary>
/// The configured masking rules (<see cref="MaskingOptions"/>) applied to events. Rules are picked per topic once and
/// cached, so an event of a topic without rules costs one dictionary lookup and comes back as the same instance.
/// <para>
/// Only payload and headers change. Message id, type, kind, correlation and causation ids, source and subject are read
/// before masking and stay as they are: a rule over a header that carries an id (say <c>correlation-id</c>) masks
/// that header's bytes only, the id remains in the envelope, in lineage and in lookups. The key is never masked.
/// </para>
/// <para>
/// JSON path rules apply to JSON payloads only; pattern rules to text payloads and to the string values of JSON
/// payloads; header rules to every payload format. Binary, empty and tombstone payloads are left alone. A value a
/// rule selects is replaced whole, so rules inside it have nothing left to do; when two rules select the same value,
/// the first in configuration order wins. Masking never throws on payload bytes: a JSON payload that cannot be read
/// is replaced by <c>"****"</c> whole rather than passed on unmasked.
/// </para>
/// <para>
/// A schema-encoded value (Avro, Protobuf, JSON Schema framing, MessagePack) is masked in its JSON view
/// (<see cref="EventEnvelope.DecodedPayload"/>): JSON path and pattern rules apply there as to a JSON payload. When they
/// change it, the raw bytes would still carry the values, so they are withheld: <see cref="EventEnvelope.Payload"/>
/// becomes an empty array while <see cref="EventEnvelope.Decoding"/> stays set (<see cref="RawPayloadWithheld"/> tells
/// such an envelope apart). A value that could not be decoded has no JSON view and is left alone like other binary.
/// </para>
/// </summary>
public sealed class EventMasker : IEventMasker
{
    /// <summary>Topics whose rule choice is cached; beyond it (a cluster with more topics than that) it is computed per event.</summary>
    private const int MaxCachedTopics = 10_000;

    private static readonly TopicMaskingRules NoRules = new([], new MaskValues(null));

    private readonly IReadOnlyList<CompiledMaskingRule> _rules;
    private readonly MaskValues _values;
    private readonly ConcurrentDictionary<string, TopicMaskingRules> _byTopic = new(StringComparer.Ordinal);

    /// <param name="options">The rules; throws <see cref="ArgumentException"/> naming every problem when they cannot run.</param>
    /// <param name="section">Where the options are configured, for the messages.</param>
    public EventMasker(MaskingOptions options, string section = "Masking")
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        _rules = MaskingOptionsValidation.Compile(options, section, failures);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, failures), nameof(options));
        }

        _values = new MaskValues(string.IsNullOrEmpty(options.HashSalt) ? null : Encoding.UTF8.GetBytes(options.HashSalt));
    }

    public bool HasRules => _rules.Count > 0;

    public bool AppliesTo(string topic) => !ReferenceEquals(RulesFor(topic), NoRules);

    public EventEnvelope Mask(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var rules = RulesFor(envelope.Topic);
        return ReferenceEquals(rules, NoRules) ? envelope : rules.Apply(envelope);
    }

    private TopicMaskingRules RulesFor(string? topic)
    {
        topic ??= string.Empty;
        return _byTopic.TryGetValue(topic, out var cached) ? cached : Choose(topic);
    }

    // Apart from RulesFor: the lambda's closure would otherwise be allocated on every call, cached or not.
    private TopicMaskingRules Choose(string topic)
    {
        var applicable = _rules.Where(r => r.AppliesTo(topic)).ToList();
        var rules = applicable.Count == 0 ? NoRules : new TopicMaskingRules(applicable, _values);
        if (_byTopic.Count < MaxCachedTopics)
        {
            _byTopic.TryAdd(topic, rules);
        }

        return rules;
    }
}
