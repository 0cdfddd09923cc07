using EventObserver.Core.Decoding;

namespace EventObserver.Core.Lineage;

/// <summary>Lineage found in a JSON body outside CloudEvents: KurrentDB-style metadata and type properties.</summary>
internal static class PayloadConventions
{
    public static void Apply(in JsonPayloadFields fields, ref LineageCandidates candidates)
    {
        var metadataRank = LineageRank.Of(ConventionTier.PayloadMetadata, 0);
        candidates.Offer(LineageSlot.CorrelationId, fields[JsonField.KurrentCorrelationId], metadataRank);
        candidates.Offer(LineageSlot.CausationId, fields[JsonField.KurrentCausationId], metadataRank);

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
}
