namespace EventObserver.Core.Kinds;

/// <summary>
/// Splits identifiers into words without allocating: PascalCase, camelCase, ACRONYMWords, snake_case,
/// kebab-case and dotted names. Digits stay with the word before them (<c>V2</c>).
/// </summary>
internal static class WordSplitter
{
    /// <summary>Appends the word ranges of <paramref name="text"/> (shifted by <paramref name="offset"/>) to <paramref name="words"/>.</summary>
    public static int Split(ReadOnlySpan<char> text, int offset, Span<Range> words, int count)
    {
        var start = -1;
        for (var i = 0; i < text.Length && count < words.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (start >= 0)
                {
                    words[count++] = new Range(offset + start, offset + i);
                    start = -1;
                }

                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = text[i - 1];
            var boundary = char.IsUpper(c)
                && (char.IsLower(previous) || char.IsDigit(previous)
                    || (char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1])));
            if (boundary)
            {
                words[count++] = new Range(offset + start, offset + i);
                start = i;
            }
        }

        if (start >= 0 && count < words.Length)
        {
            words[count++] = new Range(offset + start, offset + text.Length);
        }

        return count;
    }
}
