using System.Collections.Frozen;

namespace EventObserver.Core.Lineage;

/// <summary>
/// Built-in conventions plus user header mappings, frozen into one case-insensitive lookup so the
/// decoder does a single dictionary probe per header.
/// </summary>
internal sealed class HeaderRuleSet
{
    private readonly FrozenDictionary<string, RankedRule[]> _rules;

    public HeaderRuleSet(IReadOnlyList<LineageMapping> mappings)
    {
        var byName = new Dictionary<string, List<RankedRule>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < mappings.Count; i++)
        {
            var mapping = mappings[i];
            if (!string.IsNullOrWhiteSpace(mapping?.Header) && LineageSlots.For(mapping.Field) is { } slot)
            {
                Add(byName, mapping.Header.Trim(), new RankedRule(slot, HeaderValueKind.Text, LineageRank.Of(ConventionTier.UserMapping, i)));
            }
        }

        var builtIn = HeaderConventions.BuiltIn;
        for (var i = 0; i < builtIn.Count; i++)
        {
            var rule = builtIn[i];
            Add(byName, rule.Header, new RankedRule(rule.Slot, rule.ValueKind, LineageRank.Of(rule.Tier, i)));
        }

        _rules = byName.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public bool TryGetRules(string headerName, out RankedRule[] rules) => _rules.TryGetValue(headerName, out rules!);

    private static void Add(Dictionary<string, List<RankedRule>> byName, string name, RankedRule rule)
    {
        if (!byName.TryGetValue(name, out var list))
        {
            list = [];
            byName[name] = list;
        }

        list.Add(rule);
    }
}
