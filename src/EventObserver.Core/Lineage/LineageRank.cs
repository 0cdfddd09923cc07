namespace EventObserver.Core.Lineage;

/// <summary>Turns a tier and a position inside it into one comparable rank (lower wins).</summary>
internal static class LineageRank
{
    private const int TierWidth = 1000;

    public static int Of(ConventionTier tier, int position) =>
        ((int)tier * TierWidth) + Math.Clamp(position, 0, TierWidth - 1);
}
