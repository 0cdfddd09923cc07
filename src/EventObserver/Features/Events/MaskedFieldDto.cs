using EventObserver.Core.Masking;

namespace EventObserver.Features.Events;

/// <summary>
/// One thing masking changed: <c>kind</c> <c>JsonPath</c> (target: the rule's path), <c>Header</c> (the header name) or
/// <c>Pattern</c> (the rule's regular expression); <c>action</c> <c>Mask</c>, <c>Remove</c> (the field or header is gone
/// because of masking), <c>Hash</c> or <c>KeepLast4</c>.
/// </summary>
public sealed record MaskedFieldDto(MaskedFieldKind Kind, string Target, MaskingAction Action);
