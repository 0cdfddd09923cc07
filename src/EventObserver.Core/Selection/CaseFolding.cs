using System.Buffers;
using System.Text;

namespace EventObserver.Core.Selection;

/// <summary>
/// The simple upper-case folding <c>OrdinalIgnoreCase</c> compares with: each UTF-16 character alone, a surrogate
/// pair as one code point. Folding keeps the length.
/// </summary>
internal static class CaseFolding
{
    // For each folded character, the others that fold to it (e.g. 'I' ← 'i', 'ı'); built once, on first use.
    private static readonly Lazy<Dictionary<char, List<char>>> s_sources = new(BuildSources);

    public static char Fold(char c) =>
        c < 0x80
            ? (uint)(c - 'a') <= 'z' - 'a' ? (char)(c - ('a' - 'A')) : c
            : char.ToUpperInvariant(c);

    /// <summary>A surrogate pair folded as one code point into <paramref name="destination"/> (two characters).</summary>
    public static int FoldPair(char high, char low, Span<char> destination) =>
        Rune.ToUpperInvariant(new Rune(high, low)).EncodeToUtf16(destination);

    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        Span<char> pair = stackalloc char[2];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                folded.Append(pair[..FoldPair(c, text[++i], pair)]);
            }
            else
            {
                folded.Append(Fold(c));
            }
        }

        return folded.ToString();
    }

    /// <summary>Every character that folds to <paramref name="folded"/> (a folded character outside the surrogates).</summary>
    public static SearchValues<char> FoldingTo(char folded)
    {
        var chars = new List<char> { folded };
        if (s_sources.Value.TryGetValue(folded, out var sources))
        {
            chars.AddRange(sources);
        }

        return SearchValues.Create([.. chars]);
    }

    private static Dictionary<char, List<char>> BuildSources()
    {
        var sources = new Dictionary<char, List<char>>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            var folded = Fold(ch);
            if (folded != ch && !char.IsSurrogate(ch))
            {
                if (!sources.TryGetValue(folded, out var list))
                {
                    sources[folded] = list = [];
                }

                list.Add(ch);
            }
        }

        return sources;
    }
}
