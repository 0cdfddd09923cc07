namespace EventObserver.Core.Lineage;

/// <summary>A header rule ready for the hot path: lower rank wins.</summary>
internal readonly record struct RankedRule(LineageSlot Slot, HeaderValueKind ValueKind, int Rank);
