namespace EventObserver.Core.Lineage;

/// <summary>A user mapping from a JSON path, compiled once per decoder.</summary>
internal sealed record JsonPathMapping(LineageSlot Slot, JsonPath Path, int Rank)
{
    public static IReadOnlyList<JsonPathMapping> Compile(IReadOnlyList<LineageMapping> mappings)
    {
        var compiled = new List<JsonPathMapping>();
        for (var i = 0; i < mappings.Count; i++)
        {
            var mapping = mappings[i];
            if (mapping is null || LineageSlots.For(mapping.Field) is not { } slot || JsonPath.TryParse(mapping.JsonPath) is not { } path)
            {
                continue;
            }

            compiled.Add(new JsonPathMapping(slot, path, LineageRank.Of(ConventionTier.UserMapping, i)));
        }

        return compiled;
    }
}
