using System.Text;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using static EventObserver.Core.Tests.Feed.FeedEnvelopes;

namespace EventObserver.Core.Tests.Feed;

public sealed class FeedFilterTests
{
    [Fact]
    public void Matches_EmptyFilter_MatchesEverything()
    {
        Assert.True(FeedFilter.All.IsEmpty);
        Assert.True(FeedFilter.All.Matches(Event("orders", 1)));
        Assert.True(FeedFilter.All.Matches(WithPayload("blobs", 1, 10)));
    }

    [Fact]
    public void Matches_Topics_AnyListedTopicMatches()
    {
        var filter = new FeedFilter { Topics = ["orders", "payments"] };

        Assert.True(filter.Matches(Event("orders", 1)));
        Assert.True(filter.Matches(Event("payments", 1)));
        Assert.False(filter.Matches(Event("shipping", 1)));
        Assert.False(filter.Matches(Event("Orders", 1)));
    }

    [Fact]
    public void Matches_Kind_OnlyThatKind()
    {
        var filter = new FeedFilter { Kind = MessageKind.Command };

        Assert.True(filter.Matches(Event("orders", 1, kind: MessageKind.Command)));
        Assert.False(filter.Matches(Event("orders", 1, kind: MessageKind.Event)));
    }

    [Fact]
    public void Matches_Type_ExactIgnoringCase()
    {
        var filter = new FeedFilter { Type = "orderplaced" };

        Assert.True(filter.Matches(Event("orders", 1, type: "OrderPlaced")));
        Assert.False(filter.Matches(Event("orders", 1, type: "OrderPlacedV2")));
        Assert.False(filter.Matches(Event("orders", 1, type: null)));
    }

    [Fact]
    public void Matches_KeyCorrelationAndSource_EachMustMatch()
    {
        var filter = new FeedFilter { Key = "order-1", CorrelationId = "c-1", Source = "ORDERS-API" };

        Assert.True(filter.Matches(Event("orders", 1, key: "order-1", correlationId: "c-1", source: "orders-api")));
        Assert.False(filter.Matches(Event("orders", 1, key: "order-2", correlationId: "c-1", source: "orders-api")));
        Assert.False(filter.Matches(Event("orders", 1, key: "order-1", correlationId: "c-2", source: "orders-api")));
        Assert.False(filter.Matches(Event("orders", 1, key: "order-1", correlationId: "c-1", source: "billing")));
    }

    [Fact]
    public void Matches_Header_NameIgnoresCaseValueIsExactText()
    {
        var filter = new FeedFilter { HeaderName = "X-Tenant", HeaderValue = "acme" };

        Assert.True(filter.Matches(Event("orders", 1, headers: [("other", Utf8("x")), ("x-tenant", Utf8("acme"))])));
        Assert.False(filter.Matches(Event("orders", 1, headers: [("x-tenant", Utf8("ACME"))])));
        Assert.False(filter.Matches(Event("orders", 1, headers: [("x-tenant", null)])));
        Assert.False(filter.Matches(Event("orders", 1, headers: [("x-tenant", [0xff, 0x00])])));
        Assert.False(filter.Matches(Event("orders", 1)));
    }

    [Fact]
    public void Matches_HeaderNameWithoutValue_RequiresPresenceOnly()
    {
        var filter = new FeedFilter { HeaderName = "traceparent" };

        Assert.True(filter.Matches(Event("orders", 1, headers: [("TraceParent", null)])));
        Assert.False(filter.Matches(Event("orders", 1, headers: [("tracestate", Utf8("x"))])));
    }

    [Theory]
    [InlineData("ORDER-7")]
    [InlineData("tenant-acme")]
    [InlineData("blue widget")]
    public void Matches_Text_FindsKeyHeaderOrPayloadIgnoringCase(string text)
    {
        var envelope = Event("orders", 1, key: "order-7", json: """{"item":"Blue Widget"}""", headers: [("tenant", Utf8("Tenant-ACME"))]);

        Assert.True(new FeedFilter { Text = text }.Matches(envelope));
    }

    [Fact]
    public void Matches_Text_AbsentEverywhere_DoesNotMatch()
    {
        var envelope = Event("orders", 1, key: "order-7", json: """{"item":"widget"}""");

        Assert.False(new FeedFilter { Text = "gadget" }.Matches(envelope));
    }

    [Fact]
    public void Matches_Text_IgnoresBinaryPayloads()
    {
        var envelope = new EventEnvelope
        {
            Topic = "blobs",
            Partition = 0,
            Offset = 1,
            TimestampMs = 1,
            MessageId = "m",
            Payload = Encoding.UTF8.GetBytes("needle\0\u0001"),
            PayloadFormat = PayloadFormat.Binary,
        };

        Assert.False(new FeedFilter { Text = "needle" }.Matches(envelope));
    }

    [Fact]
    public void Matches_Text_ScansOnlyTheFirst64KiloBytesOfThePayload()
    {
        var padding = new string('a', FeedFilter.MaxScannedPayloadBytes);
        var early = Event("orders", 1, json: "needle" + padding, format: PayloadFormat.Text);
        var late = Event("orders", 2, json: padding + "needle", format: PayloadFormat.Text);

        Assert.True(new FeedFilter { Text = "needle" }.Matches(early));
        Assert.False(new FeedFilter { Text = "needle" }.Matches(late));
    }

    [Fact]
    public void Matches_TombstoneWithText_DoesNotThrow()
    {
        var tombstone = new EventEnvelope { Topic = "orders", Partition = 0, Offset = 1, TimestampMs = 1, MessageId = "m", PayloadFormat = PayloadFormat.Tombstone };

        Assert.False(new FeedFilter { Text = "x", HeaderName = "h" }.Matches(tombstone));
        Assert.True(new FeedFilter { Topics = ["orders"] }.Matches(tombstone));
    }

    [Fact]
    public void Matches_SeveralParts_AllMustMatch()
    {
        var filter = new FeedFilter { Topics = ["orders"], Kind = MessageKind.Event, Type = "OrderPlaced" };

        Assert.True(filter.Matches(Event("orders", 1)));
        Assert.False(filter.Matches(Event("orders", 1, kind: MessageKind.Command)));
        Assert.False(filter.Matches(Event("payments", 1)));
    }

    [Fact]
    public void Equals_SameTopicsInNewList_AreEqual()
    {
        var a = new FeedFilter { Topics = ["a", "b"], Type = "T" };
        var b = new FeedFilter { Topics = new List<string> { "a", "b" }, Type = "T" };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Topics = ["b", "a"] });
    }
}
