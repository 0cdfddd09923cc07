using System.Buffers;
using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Storage.Postgres.Rows;

/// <summary>
/// The <c>search_text</c> column and the pattern that searches it. It holds what <see cref="EventSelection.Text"/>
/// searches (key, header values, the first <see cref="EventSelection.MaxScannedPayloadBytes"/> bytes of a JSON or text
/// payload, unless <see cref="PayloadText"/> serves the payload in place) case-folded as .NET's <c>OrdinalIgnoreCase</c>
/// folds it, so a plain <c>LIKE</c> on the folded needle finds every event the in-memory search finds (and a few more:
/// parts are joined, every header value is taken), served by the trigram index. It is a pre-filter:
/// <see cref="EventSelection.Matches"/> decides, so both engines answer alike.
/// </summary>
internal static class SearchText
{
    // Joins the parts; a match across two of them only adds a candidate, which the exact check then drops.
    private const char Separator = '\n';

    /// <param name="e">The event.</param>
    /// <param name="payloadInPlace">
    /// The payload is searched in <c>payload_text</c> (<see cref="PayloadText.SearchedInPlace"/>): leave it out here.
    /// </param>
    public static string? For(EventEnvelope e, bool payloadInPlace = false)
    {
        var payload = payloadInPlace ? null : e.JsonPayload ?? (e.PayloadFormat == PayloadFormat.Text ? e.Payload : null);
        var payloadBytes = Math.Min(payload?.Length ?? 0, EventSelection.MaxScannedPayloadBytes);

        // UTF-8 never decodes to more UTF-16 characters than it has bytes, replacement characters included.
        var capacity = (e.Key?.Length ?? 0) + 1 + payloadBytes;
        foreach (var header in e.Headers)
        {
            capacity += (header.Value?.Length ?? 0) + 1;
        }

        var text = ArrayPool<char>.Shared.Rent(capacity);
        var folded = ArrayPool<char>.Shared.Rent(capacity);
        try
        {
            var length = 0;
            if (e.Key is { } key)
            {
                key.CopyTo(text.AsSpan(length));
                length += key.Length;
                text[length++] = Separator;
            }

            foreach (var header in e.Headers)
            {
                if (header.Value is { Length: > 0 } value)
                {
                    length += Encoding.UTF8.GetChars(value, text.AsSpan(length));
                    text[length++] = Separator;
                }
            }

            if (payloadBytes > 0)
            {
                length += Encoding.UTF8.GetChars(payload.AsSpan(0, payloadBytes), text.AsSpan(length));
            }

            if (length == 0)
            {
                return null;
            }

            // A NUL cannot be stored; a needle without one never matched across it, so any other character will do.
            text.AsSpan(0, length).Replace('\0', ' ');
            return new string(folded, 0, Fold(text.AsSpan(0, length), folded));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
            ArrayPool<char>.Shared.Return(folded);
        }
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
        var folded = new char[text.Length];
        return new string(folded, 0, Fold(text, folded));
    }

    /// <summary>Folds <paramref name="text"/> into <paramref name="destination"/> (as long as the text); returns the length.</summary>
    private static int Fold(ReadOnlySpan<char> text, Span<char> destination)
    {
        // Mostly ASCII JSON: the vectorized path.
        if (Ascii.IsValid(text))
        {
            Ascii.ToUpper(text, destination, out var upper);
            return upper;
        }

        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                written += Rune.ToUpperInvariant(new Rune(c, text[++i])).EncodeToUtf16(destination[written..]);
            }
            else
            {
                destination[written++] = c < 0x80 ? (c is >= 'a' and <= 'z' ? (char)(c - ('a' - 'A')) : c) : char.ToUpperInvariant(c);
            }
        }

        return written;
    }
}
