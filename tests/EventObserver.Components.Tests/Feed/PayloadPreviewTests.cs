using System.Text;

using EventObserver.Features.Feed;
using EventObserver.Core.Envelopes;

namespace EventObserver.Components.Tests.Feed;

public sealed class PayloadPreviewTests
{
    [Fact]
    public void Preview_Json_IsOneLineWithCollapsedWhitespace()
    {
        var e = TestEnvelopes.Json("t", 0, "{\n  \"a\": 1,\n\t\"b\":   \"x\"\n}");

        Assert.Equal("{ \"a\": 1, \"b\": \"x\" }", PayloadPreview.Describe(e));
    }

    [Fact]
    public void Preview_LongText_IsCutWithAnEllipsis()
    {
        var e = TestEnvelopes.Raw("t", 0, Encoding.UTF8.GetBytes(new string('x', 10_000)), PayloadFormat.Text);

        var preview = PayloadPreview.Describe(e);

        Assert.Equal(PayloadPreview.DefaultLength + 1, preview.Length);
        Assert.EndsWith("…", preview, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PayloadFormat.Binary, 3, "binary 3 bytes")]
    [InlineData(PayloadFormat.Empty, 0, "empty")]
    public void Preview_NonText_IsDescribed(PayloadFormat format, int size, string expected)
    {
        var e = TestEnvelopes.Raw("t", 0, new byte[size], format);

        Assert.Equal(expected, PayloadPreview.Describe(e));
    }

    [Fact]
    public void Preview_Tombstone_IsDescribed()
    {
        Assert.Equal("tombstone", PayloadPreview.Describe(TestEnvelopes.Raw("t", 0, null, PayloadFormat.Tombstone)));
    }

    [Fact]
    public void Preview_ControlCharacters_BecomeSpaces()
    {
        var e = TestEnvelopes.Raw("t", 0, Encoding.UTF8.GetBytes("a\u0000\u0007b"), PayloadFormat.Text);

        Assert.Equal("a b", PayloadPreview.Describe(e));
    }

    [Fact]
    public void Preview_DecodedValue_ShowsTheJsonViewNotTheRawBytes()
    {
        var e = DecodedEnvelopes.Value(0, "{\"orderId\": \"o-1\"}", DecodedEnvelopes.Avro());

        Assert.Equal("{\"orderId\": \"o-1\"}", PayloadPreview.Describe(e));
    }

    [Fact]
    public void Row_DecodedAndUndecodedValues_CarryFormatAndStatusBadges()
    {
        var decoded = FeedRow.From(DecodedEnvelopes.Value(0, "{}", DecodedEnvelopes.Avro()));
        var unavailable = FeedRow.From(DecodedEnvelopes.Value(1, null, DecodedEnvelopes.Avro(Core.Decoding.Schemas.DecodeStatus.SchemaUnavailable, "down")));
        var json = FeedRow.From(TestEnvelopes.Json("t", 2));

        Assert.Equal(("Avro", null), (decoded.Format, decoded.DecodeStatus));
        Assert.Equal(("Avro", "schema unavailable"), (unavailable.Format, unavailable.DecodeStatus));
        Assert.Equal("binary 12 bytes", unavailable.Preview);
        Assert.Equal((null, null), (json.Format, json.DecodeStatus));
    }
}
