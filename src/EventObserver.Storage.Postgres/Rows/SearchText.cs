using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Storage.Postgres.Rows;

/// <summary>
/// The <c>search_text</c> column and the pattern that searches it. It holds what <see cref="EventSelection.Text"/>
/// searches (key, header values, the first <see cref="EventSelection.MaxScannedPayloadBytes"/> bytes of a JSON or text
/// payload) case-folded as .NET's <c>OrdinalIgnoreCase</c> folds it, so a plain <c>LIKE</c> on the folded needle finds
/// every event the in-memory search finds (and a few more: parts are joined, every header value is taken), served by
/// the trigram index. It is a pre-filter: <see cref="EventSelection.Matches"/> decides, so both engines answer alike.
/// </summary>
internal static class SearchText
{
    // Joins the parts; a match across two of them only adds a candidate, which the exact check then drops.
    private const char Separator = '\n';

    public static string? For(EventEnvelope e)
    {
        var text = new StringBuilder();
        if (e.Key is { } key)
        {
            text.Append(key).Append(Separator);
        }

        foreach (var header in e.Headers)
        {
            if (header.Value is { Length: > 0 } value)
            {
                text.Append(Encoding.UTF8.GetString(value)).Append(Separator);
            }
        }

        var payload = e.JsonPayload ?? (e.PayloadFormat == PayloadFormat.Text ? e.Payload : null);
        if (payload is { Length: > 0 })
        {
            text.Append(Encoding.UTF8.GetString(payload, 0, Math.Min(payload.Length, EventSelection.MaxScannedPayloadBytes)));
        }

        // A NUL cannot be stored; a needle without one never matched across it, so any other character will do.
        return text.Length == 0 ? null : Fold(text.Replace('\0', ' ').ToString());
    }

    /// <summary>The <c>LIKE</c> pattern for a free text; null when the column cannot pre-filter it (a NUL in it).</summary>
    public static string? Pattern(string needle)
    {
        if (needle.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var folded = Fold(needle);
        var pattern = new StringBuilder(folded.Length + 2).Append('%');
        foreach (var c in folded)
        {
            if (c is '%' or '_' or '\\')
            {
                pattern.Append('\\');
            }

            pattern.Append(c);
        }

        return pattern.Append('%').ToString();
    }

    /// <summary>
    /// The simple upper-case folding <c>OrdinalIgnoreCase</c> compares with (as Core's internal CaseFolding does): each
    /// UTF-16 character alone, a surrogate pair as one code point; the length is kept.
    /// </summary>
    internal static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        Span<char> pair = stackalloc char[2];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var written = Rune.ToUpperInvariant(new Rune(c, text[++i])).EncodeToUtf16(pair);
                folded.Append(pair[..written]);
            }
            else
            {
                folded.Append(c < 0x80 ? (c is >= 'a' and <= 'z' ? (char)(c - ('a' - 'A')) : c) : char.ToUpperInvariant(c));
            }
        }

        return folded.ToString();
    }
}
