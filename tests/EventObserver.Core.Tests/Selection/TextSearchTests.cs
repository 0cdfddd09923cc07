using System.Text;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Tests.Selection;

public sealed class TextSearchTests
{
    // Letters whose simple upper case differs or coincides in tricky ways: dotless i, long s, final sigma, sharp s,
    // Kelvin sign, ligatures, a Deseret pair (outside the BMP) and plain ASCII.
    private const string Alphabet = "aAbBsSiIıİſßẞΣσςkKKéÉœŒǆǅǄ𐐨𐐀-";

    [Theory]
    [InlineData("Blue Widget", "blue widget")]
    [InlineData("order-7", "ORDER-7")]
    [InlineData("ÉCOLE d'été", "école D'ÉTÉ")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("Straße", "STRAẞE")]
    [InlineData("ΟΔΥΣΣΕΥΣ", "οδυσσευς")]
    [InlineData("Москва", "МОСКВА")]
    [InlineData("ıi", "II")]
    [InlineData("ſ", "S")]
    [InlineData("KELVIN", "kelvin")]
    [InlineData("x𐐨y", "X𐐀Y")]
    [InlineData("abababc", "ababc")]
    [InlineData("aaaaaaaaab", "aaab")]
    [InlineData("aaaaaaaaaa", "aaab")]
    [InlineData("short", "much longer needle")]
    [InlineData("日本語のテキスト", "のテキ")]
    public void IsIn_OrdinaryInputs_AgreesWithContainsOrdinalIgnoreCase(string text, string needle)
    {
        var expected = text.Contains(needle, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(expected, new TextSearch(needle).IsIn(text));
        Assert.Equal(expected, new TextSearch(needle).IsInUtf8(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void IsIn_RandomTextsOverATrickyAlphabet_AgreesWithContainsOrdinalIgnoreCase()
    {
        var random = new Random(16);
        var letters = Runes(Alphabet);
        var disagreements = new List<string>();
        var found = 0;

        for (var i = 0; i < 5_000; i++)
        {
            var text = RandomText(random, letters, random.Next(0, 40));
            var needle = random.Next(3) == 0 && text.Length > 2
                ? Flip(text.Substring(random.Next(text.Length / 2), random.Next(1, text.Length / 2)))
                : RandomText(random, letters, random.Next(1, 4));
            if (char.IsLowSurrogate(needle[0]) || char.IsHighSurrogate(needle[^1]))
            {
                continue;
            }

            var expected = text.Contains(needle, StringComparison.OrdinalIgnoreCase);
            found += expected ? 1 : 0;
            if (new TextSearch(needle).IsIn(text) != expected || new TextSearch(needle).IsInUtf8(Encoding.UTF8.GetBytes(text)) != expected)
            {
                disagreements.Add($"'{needle}' in '{text}': expected {expected}");
            }
        }

        Assert.Empty(disagreements);
        Assert.InRange(found, 500, 4_500);
    }

    [Fact]
    public void IsIn_LongRandomTextsAndNeedles_AgreesWithContainsOrdinalIgnoreCase()
    {
        // Long enough to cross decoding chunks and to let the search skip stretches where no match can end.
        var random = new Random(1601);
        var letters = Runes(Alphabet + "cdefghxyz0123456789 ,.:{}\"");
        var disagreements = new List<string>();
        var found = 0;

        for (var i = 0; i < 300; i++)
        {
            var text = RandomText(random, letters, random.Next(100, 6_000));
            var start = random.Next(text.Length - 60);
            var needle = random.Next(2) == 0
                ? Flip(text.Substring(start, random.Next(1, 60)))
                : RandomText(random, letters, random.Next(2, 8));
            if (char.IsLowSurrogate(needle[0]) || char.IsHighSurrogate(needle[^1]))
            {
                continue;
            }

            var expected = text.Contains(needle, StringComparison.OrdinalIgnoreCase);
            found += expected ? 1 : 0;
            if (new TextSearch(needle).IsIn(text) != expected || new TextSearch(needle).IsInUtf8(Encoding.UTF8.GetBytes(text)) != expected)
            {
                disagreements.Add($"'{needle}' in a text of {text.Length}: expected {expected}");
            }
        }

        Assert.Empty(disagreements);
        Assert.InRange(found, 100, 290);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("é")]
    [InlineData("€")]
    public void IsInUtf8_MatchStraddlingTheEndOfADecodingChunk_IsFound(string filler)
    {
        // Decoding works in chunks of a few thousand characters: put the match across every nearby chunk end.
        for (var before = 2_000; before < 2_100; before++)
        {
            var text = string.Concat(Enumerable.Repeat(filler, before)) + "Needle" + string.Concat(Enumerable.Repeat("ü", 900));
            var utf8 = Encoding.UTF8.GetBytes(text);

            Assert.True(new TextSearch("nEEDLE").IsInUtf8(utf8), $"after {before}");
            Assert.True(new TextSearch(filler.ToUpperInvariant() + "NEEDLEÜ").IsInUtf8(utf8), $"after {before}");
            Assert.False(new TextSearch("needles").IsInUtf8(utf8));
        }
    }

    [Fact]
    public void IsInUtf8_InvalidBytes_ReadAsReplacementCharacterLikeTheDecoder()
    {
        byte[] utf8 = [(byte)'a', 0xFF, (byte)'b', 0xE2, 0x82];
        var decoded = Encoding.UTF8.GetString(utf8);

        Assert.True(new TextSearch("A\uFFFDB").IsInUtf8(utf8));
        Assert.Equal(decoded.Contains("b\uFFFD", StringComparison.OrdinalIgnoreCase), new TextSearch("b\uFFFD").IsInUtf8(utf8));
    }

    [Fact]
    public void IsIn_LongNeedleOfNearMatchesOverLongText_FindsOnlyTheRealOccurrence()
    {
        var needle = new string('a', EventSelection.MaxTextLength - 1) + "b";
        var text = new string('A', 64 * 1024);

        Assert.False(new TextSearch(needle).IsIn(text));
        Assert.True(new TextSearch(needle).IsIn(text + "B"));
        Assert.True(new TextSearch(needle).IsInUtf8(Encoding.UTF8.GetBytes(text + "b")));
    }

    [Fact]
    public void Constructor_EmptyNeedle_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TextSearch(""));
    }

    private static string[] Runes(string alphabet) => [.. alphabet.EnumerateRunes().Select(r => r.ToString())];

    private static string RandomText(Random random, string[] letters, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(letters[random.Next(letters.Length)]);
        }

        return text.ToString();
    }

    // Swaps the case of ASCII letters, so a substring taken from the text is searched in another case.
    private static string Flip(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c));
}
