using System.Buffers;
using System.Text.Unicode;

namespace EventObserver.Core.Selection;

/// <summary>
/// A case-insensitive substring search that costs time linear in the text, whatever the needle: Knuth–Morris–Pratt
/// over case-folded UTF-16 (<see cref="CaseFolding"/>, what <c>string.Contains(…, OrdinalIgnoreCase)</c> compares).
/// Stretches where no match can end (no character folding to the needle's last one) are skipped with a vectorized
/// search. The needle's tables are built once (per filter); UTF-8 is decoded in stack chunks, never into a string.
/// </summary>
/// <remarks>
/// <c>Contains(OrdinalIgnoreCase)</c> compares the needle at every position: a long needle over a long text of
/// near-matches ("aaa…b" in "aaaa…") costs their product, seconds per event in the worst case.
/// </remarks>
internal sealed class TextSearch
{
    private const int ChunkChars = 2048;

    private readonly char[] _needle;
    private readonly int[] _fallback;

    // Characters a match can end with; null when the needle ends with a surrogate pair (no skipping then).
    private readonly SearchValues<char>? _lastChars;

    public TextSearch(string needle)
    {
        ArgumentException.ThrowIfNullOrEmpty(needle);
        _needle = CaseFolding.Fold(needle).ToCharArray();
        _fallback = BuildFallback(_needle);
        _lastChars = char.IsSurrogate(_needle[^1]) ? null : CaseFolding.FoldingTo(_needle[^1]);
    }

    /// <summary>The needle's length in UTF-16 characters: no shorter text can hold it (folding keeps the length).</summary>
    public int Length => _needle.Length;

    /// <summary>Whether the needle occurs in <paramref name="text"/>, ignoring case.</summary>
    public bool IsIn(ReadOnlySpan<char> text)
    {
        if (text.Length < _needle.Length)
        {
            return false;
        }

        var matched = 0;
        return Advance(text, ref matched);
    }

    /// <summary>Whether the needle occurs in the UTF-8 text; invalid sequences read as U+FFFD, as the UTF-8 decoder does.</summary>
    public bool IsInUtf8(ReadOnlySpan<byte> utf8)
    {
        // UTF-8 never takes fewer bytes than UTF-16 takes characters.
        if (utf8.Length < _needle.Length)
        {
            return false;
        }

        Span<char> chunk = stackalloc char[Math.Min(ChunkChars, utf8.Length)];
        var matched = 0;
        while (!utf8.IsEmpty)
        {
            // Whole scalars only: a surrogate pair is never split between two chunks.
            var status = Utf8.ToUtf16(utf8, chunk, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            if (Advance(chunk[..written], ref matched))
            {
                return true;
            }

            if (status == OperationStatus.Done || read == 0)
            {
                return false;
            }

            utf8 = utf8[read..];
        }

        return false;
    }

    /// <summary>Feeds <paramref name="text"/> to the automaton; <paramref name="matched"/> carries its state between chunks.</summary>
    private bool Advance(ReadOnlySpan<char> text, ref int matched)
    {
        Span<char> pair = stackalloc char[2];
        var m = _needle.Length;
        var j = matched;
        var nextEnd = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (_lastChars is not null)
            {
                // No match ends before nextEnd (the next character that could end one): skip to where one ending
                // there would start. Positions only move forward, so each is stepped at most once.
                var earliestEnd = i + (m - j) - 1;
                if (nextEnd < earliestEnd)
                {
                    var found = earliestEnd < text.Length ? text[earliestEnd..].IndexOfAny(_lastChars) : -1;
                    nextEnd = found < 0 ? int.MaxValue : earliestEnd + found;
                }

                var start = nextEnd == int.MaxValue ? text.Length - (m - 1) : nextEnd - (m - 1);
                if (start > i)
                {
                    i = start;
                    j = 0;
                    continue;
                }
            }

            var c = text[i++];
            if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
            {
                var written = CaseFolding.FoldPair(c, text[i++], pair);
                for (var k = 0; k < written; k++)
                {
                    if (Step(pair[k], ref j))
                    {
                        return true;
                    }
                }
            }
            else if (Step(CaseFolding.Fold(c), ref j))
            {
                return true;
            }
        }

        matched = j;
        return false;
    }

    private bool Step(char c, ref int j)
    {
        while (j > 0 && _needle[j] != c)
        {
            j = _fallback[j - 1];
        }

        return _needle[j] == c && ++j == _needle.Length;
    }

    /// <summary>KMP's table: for each prefix, the length of its longest proper prefix that is also its suffix.</summary>
    private static int[] BuildFallback(char[] needle)
    {
        var fallback = new int[needle.Length];
        var k = 0;
        for (var i = 1; i < needle.Length; i++)
        {
            while (k > 0 && needle[i] != needle[k])
            {
                k = fallback[k - 1];
            }

            if (needle[i] == needle[k])
            {
                k++;
            }

            fallback[i] = k;
        }

        return fallback;
    }
}
