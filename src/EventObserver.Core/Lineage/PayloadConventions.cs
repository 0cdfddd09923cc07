using EventObserver.Core.Decoding;

namespace EventObserver.Core.Lineage;

/// <summary>
/// Lineage found in a JSON body outside CloudEvents: KurrentDB-style metadata, type properties and the message's own id.
/// </summary>
/// <remarks>
/// The message id, best first (all below every header, above only the position): <c>metadata.messageId</c>,
/// <c>metadata.eventId</c> (also under <c>$metadata</c>, also spelled <c>$messageId</c>/<c>$eventId</c>, as KurrentDB-style
/// metadata next to <c>$correlationId</c>/<c>$causationId</c>), <c>meta.messageId</c>, <c>meta.eventId</c>, top-level
/// <c>messageId</c>, top-level <c>eventId</c> (or <c>$messageId</c>/<c>$eventId</c>), then plain top-level <c>id</c>. A plain
/// <c>id</c> is often the entity's (an order's), which would give every message about it the same id; it counts only when
/// it looks made for one message — a UUID/GUID or a ULID (<see cref="OpaqueIds.LooksUnique"/>) — and is not the record's
/// key (an entity's id usually is its key).
/// </remarks>
internal static class PayloadConventions
{
    /// <param name="fields">What the scan of the body found.</param>
    /// <param name="candidates">The values so far.</param>
    /// <param name="textKey">The record key as text, when it is text: a plain <c>id</c> equal to it is the entity's.</param>
    public static void Apply(in JsonPayloadFields fields, ref LineageCandidates candidates, string? textKey = null)
    {
        var metadataRank = LineageRank.Of(ConventionTier.PayloadMetadata, 0);
        candidates.Offer(LineageSlot.CorrelationId, fields[JsonField.KurrentCorrelationId], metadataRank);
        candidates.Offer(LineageSlot.CausationId, fields[JsonField.KurrentCausationId], metadataRank);

        ApplyMessageId(fields, ref candidates, textKey);

        var typeRank = LineageRank.Of(ConventionTier.PayloadType, 0);
        if (!candidates.Wants(LineageSlot.MessageType, typeRank))
        {
            return;
        }

        candidates.Offer(LineageSlot.MessageType, fields[JsonField.DotNetType] is { } dotNetType ? TypeNames.SimplifyClassName(dotNetType) : null, typeRank + 3);
        candidates.Offer(LineageSlot.MessageType, fields[JsonField.Type], typeRank + 2);
        candidates.Offer(LineageSlot.MessageType, fields[JsonField.MessageType], typeRank + 1);
        candidates.Offer(LineageSlot.MessageType, fields[JsonField.EventType], typeRank);
    }

    private static void ApplyMessageId(in JsonPayloadFields fields, ref LineageCandidates candidates, string? textKey)
    {
        var rank = LineageRank.Of(ConventionTier.PayloadId, 0);
        if (!candidates.Wants(LineageSlot.MessageId, rank))
        {
            return;
        }

        candidates.Offer(LineageSlot.MessageId, fields[JsonField.MetadataMessageId], rank);
        candidates.Offer(LineageSlot.MessageId, fields[JsonField.MetadataEventId], rank + 1);
        candidates.Offer(LineageSlot.MessageId, fields[JsonField.MetaMessageId], rank + 2);
        candidates.Offer(LineageSlot.MessageId, fields[JsonField.MetaEventId], rank + 3);
        candidates.Offer(LineageSlot.MessageId, fields[JsonField.MessageId], rank + 4);
        candidates.Offer(LineageSlot.MessageId, fields[JsonField.EventId], rank + 5);
        if (fields[JsonField.Id] is { } id && OpaqueIds.LooksUnique(id) && !IsKey(id, textKey))
        {
            candidates.Offer(LineageSlot.MessageId, id, rank + 6);
        }
    }

    private static bool IsKey(string id, string? textKey) =>
        textKey is not null && id.AsSpan().Trim().Equals(textKey.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
}
