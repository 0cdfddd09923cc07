namespace EventObserver.Core.Masking;

/// <summary>A rule that applies to a topic with its bit in the topic's set of rules that matched an event.</summary>
internal readonly record struct RuleSlot(ulong Bit, CompiledMaskingRule Rule);
