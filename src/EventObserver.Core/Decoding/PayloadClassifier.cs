using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Decoding;

/// <summary>
/// Classifies a record value: null → Tombstone, no bytes → Empty, one valid JSON value → Json,
/// other text → Text, anything else → Binary. JSON is validated fully, in the same pass that reads its lineage fields.
/// </summary>
internal static class PayloadClassifier
{
    public static PayloadFormat Classify(byte[]? payload, ref JsonPayloadFields fields)
    {
        if (payload is null)
        {
            return PayloadFormat.Tombstone;
        }

        if (payload.Length == 0)
        {
            return PayloadFormat.Empty;
        }

        ReadOnlySpan<byte> span = payload;
        if (!Utf8Text.IsText(span))
        {
            return PayloadFormat.Binary;
        }

        return JsonPayloadScanner.LooksLikeJson(span) && JsonPayloadScanner.TryScan(span, ref fields)
            ? PayloadFormat.Json
            : PayloadFormat.Text;
    }
}
