namespace EventObserver.Core.Lineage;

/// <summary>One header name's contribution to one lineage slot.</summary>
internal readonly record struct HeaderRule(string Header, LineageSlot Slot, HeaderValueKind ValueKind, ConventionTier Tier);
