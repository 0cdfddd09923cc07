using EventObserver.Core.Decoding;

namespace EventObserver.Core.Lineage;

/// <summary>
/// CloudEvents structured mode: the attributes live in the JSON body. Recognised by the content type
/// <c>application/cloudevents+json</c> or by a body that carries <c>specversion</c>, <c>id</c> and <c>type</c>.
/// </summary>
internal static class CloudEventsStructured
{
    private const string MediaType = "application/cloudevents+json";

    public static bool IsContentType(string? contentType) =>
        contentType is not null && contentType.AsSpan().TrimStart().StartsWith(MediaType, StringComparison.OrdinalIgnoreCase);

    public static void Apply(in JsonPayloadFields fields, ref LineageCandidates candidates)
    {
        var rank = LineageRank.Of(ConventionTier.CloudEventsStructured, 0);
        candidates.Offer(LineageSlot.MessageId, fields[JsonField.Id], rank);
        candidates.Offer(LineageSlot.MessageType, fields[JsonField.Type], rank);
        candidates.Offer(LineageSlot.Source, fields[JsonField.Source], rank);
        candidates.Offer(LineageSlot.Subject, fields[JsonField.Subject], rank);
        candidates.Offer(LineageSlot.CorrelationId, fields[JsonField.CorrelationId], rank);
        candidates.Offer(LineageSlot.CausationId, fields[JsonField.CausationId], rank);
        candidates.Offer(LineageSlot.TraceId, TraceParent.TryGetTraceId(fields[JsonField.TraceParent]), rank);
    }
}
