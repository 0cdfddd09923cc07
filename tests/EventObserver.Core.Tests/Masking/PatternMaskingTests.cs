using System.Text;
using System.Text.Json;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using static EventObserver.Core.Tests.Masking.MaskingEvents;

namespace EventObserver.Core.Tests.Masking;

public sealed class PatternMaskingTests
{
    private const string Cards = @"\b\d{16}\b";

    [Theory]
    [InlineData(MaskingAction.Mask, "paid with **** and ****.")]
    [InlineData(MaskingAction.KeepLast4, "paid with ****1111 and ****0004.")]
    [InlineData(MaskingAction.Remove, "paid with  and .")]
    public void TextPayload_EachMatchIsMasked(MaskingAction action, string expected)
    {
        var masked = Masker(Pattern(Cards, action)).Mask(Text("paid with 4111111111111111 and 5500000000000004."));

        Assert.Equal(PayloadFormat.Text, masked.PayloadFormat);
        Assert.Equal(expected, PayloadText(masked));
        Assert.Equal([new MaskedField(MaskedFieldKind.Pattern, Cards, action)], masked.Masked);
    }

    [Fact]
    public void TextPayload_Hash_EqualValuesGiveEqualHashes()
    {
        var masked = PayloadText(Masker(Pattern(Cards, MaskingAction.Hash)).Mask(Text("a 4111111111111111 b 4111111111111111")));

        var parts = masked.Split(' ');
        Assert.Matches("^sha256:[0-9a-f]{64}$", parts[1]);
        Assert.Equal(parts[1], parts[3]);
    }

    [Fact]
    public void JsonPayload_StringValuesAreMaskedButNamesNumbersAndStructureKept()
    {
        var json = """{"4111111111111111":"card 4111111111111111 used","n":4111111111111111,"list":["x 5500000000000004"]}""";

        var masked = PayloadText(Masker(Pattern(Cards, MaskingAction.KeepLast4)).Mask(Json(json)));

        Assert.Equal("""{"4111111111111111":"card ****1111 used","n":4111111111111111,"list":["x ****0004"]}""", masked);
    }

    [Fact]
    public void JsonPayload_EscapedString_IsMatchedOnItsText()
    {
        var masked = PayloadText(Masker(Pattern("secret")).Mask(Json("{\"a\":\"my s\\u0065cret \\\"quoted\\\"\"}")));

        Assert.Equal("my **** \"quoted\"", JsonDocument.Parse(masked).RootElement.GetProperty("a").GetString());
    }

    [Fact]
    public void JsonPayload_RootString_IsMasked()
    {
        Assert.Equal("\"token ****\"", PayloadText(Masker(Pattern("abc123")).Mask(Json("\"token abc123\""))));
    }

    [Fact]
    public void JsonPayload_ReplacementNeedingEscapes_StaysValidJson()
    {
        var masked = PayloadText(Masker(Pattern(@"k=\S+", MaskingAction.KeepLast4)).Mask(Json("{\"a\":\"k=12345\\\"\\\\\\n\\\"cd\"}")));

        Assert.Equal("****45\"\\\n\"cd", JsonDocument.Parse(masked).RootElement.GetProperty("a").GetString());
    }

    [Fact]
    public void SeveralPatterns_ApplyInRuleOrder()
    {
        var masked = Masker(Pattern("secret-[0-9]+", MaskingAction.Remove), Pattern("[0-9]{3}")).Mask(Text("a secret-123 b 456"));

        Assert.Equal("a  b ****", PayloadText(masked));
        Assert.Equal(2, masked.Masked.Count);
    }

    [Fact]
    public void BinaryPayload_IsLeftAlone()
    {
        var bytes = new byte[] { 0x00, 0x01 }.Concat(Encoding.UTF8.GetBytes("4111111111111111")).ToArray();
        var envelope = Bytes(bytes);

        Assert.Equal(PayloadFormat.Binary, envelope.PayloadFormat);
        Assert.Same(envelope, Masker(Pattern(Cards)).Mask(envelope));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(new byte[0])]
    public void EmptyOrTombstonePayload_IsLeftAlone(byte[]? value)
    {
        var envelope = Bytes(value);

        Assert.Same(envelope, Masker(Pattern(Cards), Path("$.a")).Mask(envelope));
    }

    [Fact]
    public void NoMatch_ReturnsTheSameInstance()
    {
        var envelope = Json("""{"a":"nothing here"}""");

        Assert.Same(envelope, Masker(Pattern(Cards)).Mask(envelope));
    }

    [Fact]
    public void HugeTextPayload_EveryMatchMasked()
    {
        var text = string.Concat(Enumerable.Repeat("card 4111111111111111; ", 100_000));

        var masked = PayloadText(Masker(Pattern(Cards, MaskingAction.KeepLast4)).Mask(Text(text)));

        Assert.Equal(string.Concat(Enumerable.Repeat("card ****1111; ", 100_000)), masked);
    }

    [Fact]
    public void EmptyMatchesOfAPattern_ChangeNothing()
    {
        var envelope = Text("word another");

        Assert.Same(envelope, Masker(Pattern(@"\b")).Mask(envelope));
    }
}
