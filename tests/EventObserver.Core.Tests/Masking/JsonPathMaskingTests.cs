using System.Text.Json;
using EventObserver.Core.Masking;
using static EventObserver.Core.Tests.Masking.MaskingEvents;

namespace EventObserver.Core.Tests.Masking;

public sealed class JsonPathMaskingTests
{
    private const string Card = """{"orderId":"o-1","card":{"number":"4111111111111111","cvv":"123","holder":"Ann"},"total":12.5}""";

    [Fact]
    public void Mask_StringValue_BecomesStarsAndEverythingElseKeepsItsBytes()
    {
        var masked = MaskJson(Card, Path("$.card.number"));

        Assert.Equal("""{"orderId":"o-1","card":{"number":"****","cvv":"123","holder":"Ann"},"total":12.5}""", masked);
    }

    [Fact]
    public void KeepLast4_StringValue_KeepsOnlyTheLastFourCharacters()
    {
        var masked = MaskJson(Card, Path("$.card.number", MaskingAction.KeepLast4));

        Assert.Contains("\"number\":\"****1111\"", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("41111111", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepLast4_ShortValue_IsMaskedWhole()
    {
        var masked = MaskJson(Card, Path("$.card.cvv", MaskingAction.KeepLast4));

        Assert.Contains("\"cvv\":\"****\"", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_StringValue_IsSaltedSha256OfItsText()
    {
        var masked = MaskJson(Card, Path("$.card.holder", MaskingAction.Hash));

        var holder = JsonDocument.Parse(masked).RootElement.GetProperty("card").GetProperty("holder").GetString()!;
        Assert.Matches("^sha256:[0-9a-f]{64}$", holder);
        Assert.Equal(ExpectedHash("Ann"), holder);
    }

    [Fact]
    public void Remove_MiddleMember_LeavesValidJsonWithoutIt()
    {
        var masked = MaskJson(Card, Path("$.card.cvv", MaskingAction.Remove));

        Assert.Equal("""{"orderId":"o-1","card":{"number":"4111111111111111","holder":"Ann"},"total":12.5}""", masked);
    }

    [Theory]
    [InlineData("$.a", """{"b":2,"c":3}""")]
    [InlineData("$.c", """{"a":1,"b":2}""")]
    [InlineData("$.b", """{"a":1,"c":3}""")]
    [InlineData("$.*", """{}""")]
    public void Remove_FirstLastOrEveryMember_KeepsCommasValid(string path, string expected)
    {
        Assert.Equal(expected, MaskJson("""{"a":1,"b":2,"c":3}""", Path(path, MaskingAction.Remove)));
    }

    [Fact]
    public void Remove_ConsecutiveMembersAroundKeptOnes_CutsEachRunWithItsCommas()
    {
        var masked = MaskJson(
            """{ "x1": 1, "k1": 2, "x2": 3, "x3": [4], "k2": {"x4": 5}, "x5": 6 }""",
            Path("$.x1", MaskingAction.Remove), Path("$.x2", MaskingAction.Remove), Path("$.x3", MaskingAction.Remove),
            Path("$..x4", MaskingAction.Remove), Path("$.x5", MaskingAction.Remove));

        Assert.Equal("""{ "k1": 2, "k2": {} }""", masked);
    }

    [Fact]
    public void Remove_ArrayElements_LeavesTheOthersInOrder()
    {
        var masked = MaskJson("""{"list":[10,20,30,40]}""", Path("$.list[0]", MaskingAction.Remove), Path("$.list[2]", MaskingAction.Remove));

        Assert.Equal("""{"list":[20,40]}""", masked);
    }

    [Theory]
    [InlineData(MaskingAction.Mask, "\"****\"")]
    [InlineData(MaskingAction.KeepLast4, "\"****\"")]
    public void MaskOrKeepLast4_ObjectValue_BecomesOneString(MaskingAction action, string expected)
    {
        var masked = MaskJson(Card, Path("$.card", action));

        Assert.Equal("{\"orderId\":\"o-1\",\"card\":" + expected + ",\"total\":12.5}", masked);
    }

    [Fact]
    public void Mask_NumberTrueAndNull_BecomeTheStringStars()
    {
        var masked = MaskJson("""{"n":4111111111111111,"t":true,"z":null}""", Path("$.n"), Path("$.t"), Path("$.z"));

        Assert.Equal("""{"n":"****","t":"****","z":"****"}""", masked);
    }

    [Fact]
    public void KeepLast4_Number_KeepsTheLastFourDigitsAsAString()
    {
        Assert.Equal("""{"n":"****1111"}""", MaskJson("""{"n":4111111111111111}""", Path("$.n", MaskingAction.KeepLast4)));
    }

    [Fact]
    public void Hash_ObjectValue_HashesItsJsonBytes()
    {
        var masked = MaskJson("""{"card":{"a":1}}""", Path("$.card", MaskingAction.Hash));

        Assert.Equal("{\"card\":\"" + ExpectedHash("{\"a\":1}") + "\"}", masked);
    }

    [Fact]
    public void Wildcard_EveryArrayElement_IsMasked()
    {
        var masked = MaskJson(
            """{"lines":[{"sku":"A","price":1},{"sku":"B","price":2},{"other":true}]}""",
            Path("$.lines[*].price"));

        Assert.Equal("""{"lines":[{"sku":"A","price":"****"},{"sku":"B","price":"****"},{"other":true}]}""", masked);
    }

    [Fact]
    public void Descendant_MatchesAtEveryDepthIncludingInsideArrays()
    {
        var masked = MaskJson(
            """{"cvv":"1","a":{"cvv":"2","b":[{"cvv":"3"},{"c":{"cvv":"4"}}]},"cvvx":"keep"}""",
            Path("$..cvv", MaskingAction.Remove));

        Assert.Equal("""{"a":{"b":[{},{"c":{}}]},"cvvx":"keep"}""", masked);
    }

    [Fact]
    public void Descendant_FollowedByChildSteps_MatchesOnlyThatShape()
    {
        var masked = MaskJson(
            """{"card":{"number":"1"},"x":{"card":{"number":"2","n":"3"}},"number":"4"}""",
            Path("$..card.number"));

        Assert.Equal("""{"card":{"number":"****"},"x":{"card":{"number":"****","n":"3"}},"number":"4"}""", masked);
    }

    [Fact]
    public void IndexStep_OnlyThatElement_IsMasked()
    {
        Assert.Equal("""{"l":["a","****","c"]}""", MaskJson("""{"l":["a","b","c"]}""", Path("$.l[1]")));
    }

    [Fact]
    public void RootArray_PathIntoIts_Elements_Works()
    {
        Assert.Equal("""[{"p":"****"},{"p":"****"}]""", MaskJson("""[{"p":"x"},{"p":"y"}]""", Path("$[*].p")));
    }

    [Fact]
    public void EscapedMemberName_MatchesItsUnescapedForm()
    {
        Assert.Equal("{\"c\\u0076v\":\"****\"}", MaskJson("{\"c\\u0076v\":\"123\"}", Path("$.cvv")));
    }

    [Fact]
    public void QuotedBracketName_WithDots_MatchesThatMember()
    {
        Assert.Equal("""{"a.b":"****","a":{"b":"keep"}}""", MaskJson("""{"a.b":"x","a":{"b":"keep"}}""", Path("$['a.b']")));
    }

    [Fact]
    public void WhitespaceAndFormatting_OutsideMaskedValues_AreKept()
    {
        const string Pretty = "{\n  \"a\" : \"secret\" ,\n  \"b\" : [ 1, 2 ]\n}\n";

        Assert.Equal("{\n  \"a\" : \"****\" ,\n  \"b\" : [ 1, 2 ]\n}\n", MaskJson(Pretty, Path("$.a")));
    }

    [Fact]
    public void ByteOrderMark_IsKeptAndTheRestMasked()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("{\"a\":\"secret\"}"u8.ToArray()).ToArray();
        var masked = Masker(Path("$.a")).Mask(Bytes(bytes));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }.Concat("{\"a\":\"****\"}"u8.ToArray()), masked.Payload);
    }

    [Fact]
    public void OuterValueSelectedByTwoRules_IsReplacedWholeByTheFirst()
    {
        var masked = MaskJson(Card, Path("$.card.number", MaskingAction.KeepLast4), Path("$.card", MaskingAction.Remove));

        Assert.Equal("""{"orderId":"o-1","total":12.5}""", masked);
    }

    [Fact]
    public void MaskedOutput_MaskedAgain_IsUnchanged()
    {
        MaskingRule[] rules = [Path("$.card.number", MaskingAction.KeepLast4), Path("$.card.holder", MaskingAction.Hash), Path("$.orderId")];
        var masker = Masker(rules);
        var once = masker.Mask(Json(Card));

        var twice = masker.Mask(Json(PayloadText(once)));

        Assert.Equal(PayloadText(once), PayloadText(twice));
        Assert.Equal(3, twice.Masked.Count);
    }

    [Fact]
    public void HugeArray_EveryElementMaskedInOnePass()
    {
        var json = "{\"items\":[" + string.Join(',', Enumerable.Range(0, 200_000).Select(i => $"{{\"id\":{i},\"secret\":\"s{i}\"}}")) + "]}";

        var masked = MaskJson(json, Path("$.items[*].secret"));

        using var document = JsonDocument.Parse(masked);
        var items = document.RootElement.GetProperty("items");
        Assert.Equal(200_000, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), item => Assert.Equal("****", item.GetProperty("secret").GetString()));
        Assert.Equal(199_999, items[199_999].GetProperty("id").GetInt32());
    }

    [Fact]
    public void PathThatSelectsNothing_ReturnsTheSameInstance()
    {
        var envelope = Json(Card);

        Assert.Same(envelope, Masker(Path("$.card.missing"), Path("$.orderId.deeper"), Path("$[0]")).Mask(envelope));
    }

    private static string ExpectedHash(string value)
    {
        var mac = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Salt), System.Text.Encoding.UTF8.GetBytes(value));
        return "sha256:" + Convert.ToHexStringLower(mac);
    }
}
