using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Masking;

/// <summary>The rules that apply to one topic, split by what they read; each rule owns one bit of a 64-bit set.</summary>
internal sealed class TopicMaskingRules
{
    private static readonly MaskedField Unreadable = new(MaskedFieldKind.JsonPath, "$", MaskingAction.Mask);

    private readonly MaskedField[] _fields;
    private readonly RuleSlot[] _headers;
    private readonly RuleSlot[] _patterns;
    private readonly JsonPayloadMasker? _json;
    private readonly MaskValues _values;

    public TopicMaskingRules(IReadOnlyList<CompiledMaskingRule> rules, MaskValues values)
    {
        _fields = [.. rules.Select(r => new MaskedField(r.Kind, r.Target, r.Action))];
        _values = values;
        var slots = rules.Select((rule, i) => new RuleSlot(1UL << i, rule)).ToArray();
        _headers = [.. slots.Where(s => s.Rule.Kind == MaskedFieldKind.Header)];
        _patterns = [.. slots.Where(s => s.Rule.Kind == MaskedFieldKind.Pattern)];
        RuleSlot[] paths = [.. slots.Where(s => s.Rule.Kind == MaskedFieldKind.JsonPath)];
        _json = paths.Length + _patterns.Length > 0 ? new JsonPayloadMasker(paths, _patterns, values) : null;
    }

    public EventEnvelope Apply(EventEnvelope envelope)
    {
        var matched = 0UL;
        var headers = _headers.Length == 0 ? envelope.Headers : HeaderMasking.Apply(envelope.Headers ?? [], _headers, _values, ref matched);
        var payload = envelope.Payload;
        var decoded = envelope.DecodedPayload;
        var unreadable = false;
        if (decoded is { Length: > 0 })
        {
            // Rules read the JSON view of a schema-encoded value; its raw bytes hold the same values and would leak them.
            if (_json is not null && _json.Mask(decoded, ref matched, out unreadable) is { } masked)
            {
                decoded = masked;
                payload = RawPayloadWithheld.Marker;
            }
        }
        else if (payload is { Length: > 0 })
        {
            if (envelope.PayloadFormat == PayloadFormat.Json && _json is not null)
            {
                payload = _json.Mask(payload, ref matched, out unreadable) ?? payload;
            }
            else if (envelope.PayloadFormat == PayloadFormat.Text && _patterns.Length > 0)
            {
                payload = PatternMasking.MaskText(payload, _patterns, _values, ref matched) ?? payload;
            }
        }

        return matched == 0 && !unreadable
            ? envelope
            : MaskedEnvelope.Create(envelope, payload, decoded, headers, Describe(envelope.Masked, matched, unreadable));
    }

    /// <summary>What was masked before (an event masked at ingest, masked again on a read path) and now, in rule order.</summary>
    private List<MaskedField> Describe(IReadOnlyList<MaskedField>? before, ulong matched, bool unreadable)
    {
        var masked = new List<MaskedField>(before ?? []);
        if (unreadable)
        {
            Add(masked, Unreadable);
        }

        for (var i = 0; i < _fields.Length; i++)
        {
            if ((matched & (1UL << i)) != 0)
            {
                Add(masked, _fields[i]);
            }
        }

        return masked;
    }

    private static void Add(List<MaskedField> masked, MaskedField field)
    {
        if (!masked.Contains(field))
        {
            masked.Add(field);
        }
    }
}
