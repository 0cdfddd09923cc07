using System.Runtime.CompilerServices;

namespace EventObserver.Core.Lineage;

/// <summary>
/// The best value seen so far for each slot, with its rank. A stack-only scratchpad: no allocation per record.
/// An equal rank replaces the value, so a repeated header's last value wins (the Kafka convention).
/// </summary>
internal struct LineageCandidates
{
    private Values _values;
    private Ranks _ranks;

    /// <summary>True when a value of <paramref name="rank"/> would be kept; lets callers skip decoding.</summary>
    public readonly bool Wants(LineageSlot slot, int rank)
    {
        var stored = _ranks[(int)slot];
        return stored == 0 || rank + 1 <= stored;
    }

    /// <summary>Keeps <paramref name="value"/> (trimmed; empty means absent) when it outranks what is there.</summary>
    public void Offer(LineageSlot slot, string? value, int rank)
    {
        if (value is null || !Wants(slot, rank))
        {
            return;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        _values[(int)slot] = trimmed;
        _ranks[(int)slot] = rank + 1;
    }

    public readonly string? Get(LineageSlot slot) => _values[(int)slot];

    [InlineArray(LineageSlots.Count)]
    private struct Values
    {
        private string? _element;
    }

    [InlineArray(LineageSlots.Count)]
    private struct Ranks
    {
        private int _element;
    }
}
