using System.Text;
using System.Text.Unicode;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Storage.Postgres.Rows;

/// <summary>
/// A JSON or text payload kept as text (the <c>payload_text</c> column) instead of bytes, so it is stored once: the
/// search reads it where it lies (<c>upper(payload_text) LIKE</c>) instead of a folded copy in <c>search_text</c>,
/// which held a second copy of every payload and was the largest cost of a write. Only when the bytes come back
/// exactly: valid UTF-8 (which decodes and encodes to the same bytes) without a NUL (which text cannot hold).
/// </summary>
internal static class PayloadText
{
    /// <summary>The payload as text, or null when it stays bytes (binary formats, invalid UTF-8, a NUL, no payload).</summary>
    public static string? For(EventEnvelope e) =>
        e.Payload is { } payload
        && e.PayloadFormat is PayloadFormat.Json or PayloadFormat.Text
        && payload.AsSpan().IndexOf((byte)0) < 0
        && Utf8.IsValid(payload)
            ? Encoding.UTF8.GetString(payload)
            : null;

    /// <summary>The payload's bytes from a row: the text column when it holds them, else the bytes column.</summary>
    public static byte[]? Bytes(string? text, byte[]? bytes) => text is null ? bytes : Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// Whether the free-text search can read the payload from <c>payload_text</c> alone: it holds exactly what the
    /// search scans (not a decoded form) and that part is ASCII, which <c>upper</c> under the "C" collation folds as
    /// .NET's <c>OrdinalIgnoreCase</c> does. Otherwise <c>search_text</c> keeps the folded copy, as before.
    /// </summary>
    public static bool SearchedInPlace(EventEnvelope e, string? text) =>
        text is not null
        && e.DecodedPayload is null
        && Ascii.IsValid(e.Payload.AsSpan(0, Math.Min(e.Payload!.Length, EventSelection.MaxScannedPayloadBytes)));
}
