namespace EventObserver.Core.Masking;

/// <summary>
/// What masking changed in one event, so a page can show "masked" or "removed by masking" instead of a value that seems
/// to be missing. <see cref="Target"/> is the rule's JSON path, the header's name as the record spells it, or the
/// rule's pattern.
/// </summary>
public sealed record MaskedField(MaskedFieldKind Kind, string Target, MaskingAction Action);
