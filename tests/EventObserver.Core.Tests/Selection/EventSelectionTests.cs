using System.Text;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;
using static EventObserver.Core.Tests.Feed.FeedEnvelopes;

namespace EventObserver.Core.Tests.Selection;

public sealed class EventSelectionTests
{
    [Fact]
    public void Matches_EmptyFilter_MatchesEverything()
    {
        Assert.True(EventSelection.All.IsEmpty);
        Assert.True(EventSelection.All.Matches(Event("orders", 1)));
        Assert.True(EventSelection.All.Matches(WithPayload("blobs", 1, 10)));
    }

    [Fact]
    public void Matches_Topics_AnyListedTopicMatches()
    {
        var filter = new EventSelection { Topics = ["orders", "payments"] };

        Assert.True(filter.Matches(Event("orders", 1)));
        Assert.True(filter.Matches(Event("payments", 1)));
        Assert.False(filter.Matches(Event("shipping", 1)));
        Assert.False(filter.Matches(Event("Orders", 1)));
    }

    [Fact]
    public void Matches_Kind_OnlyThatKind()
    {
        var filter = new EventSelection { Kind = MessageKind.Command };

        Assert.True(filter.Matches(Event("orders", 1, kind: MessageKind.Command)));
        Assert.False(filter.Matches(Event("orders", 1, kind: MessageKind.Event)));
    }

    [Fact]
    public void Matches_Type_ExactIgnoringCase()
    {
        var filter = new EventSelection { Type = "orderplaced" };

        Assert.True(filter.Matches(Event("orders", 1, type: "OrderPlaced")));
        Assert.False(filter.Matches(Event("orders", 1, type: "OrderPlacedV2")));
        Assert.False(filter.Matches(Event("orders", 1, type: null)));
    }

    [Fact]
    public void Matches_KeyCorrelationAndSource_EachMustMatch()
    {
        var filter = new EventSelection { Key = "order-1", CorrelationId = "c-1", Source = "ORDERS-API" };

        Assert.True(filter.Matches(Event("orders", 1, key: "order-1", correlationId: "c-1", source: "orders-api")));
        Assert.False(filter.Matches(Event("orders", 1, key: "order-2", correlationId: "c-1", source: "orders-api")));
        Assert.False(filter.Matches(Event("orders", 1, key: "order-1", correlationId: "c-2", source: "orders-api")));
        Assert.False(filter.Matches(Event("orders", 1, key: "order-1", correlationId: "c-1", source: "billing")));
    }

    [Fact]
    public void Matches_Header_NameIgnoresCaseValueIsExactText()
    {
        var filter = new EventSelection { HeaderName = "X-Tenant", HeaderValue = "acme" };

        Assert.True(filter.Matches(Event("orders", 1, headers: [("other", Utf8("x")), ("x-tenant", Utf8("acme"))])));
        Assert.False(filter.Matches(Event("orders", 1, headers: [("x-tenant", Utf8("ACME"))])));
        Assert.False(filter.Matches(Event("orders", 1, headers: [("x-tenant", null)])));
        Assert.False(filter.Matches(Event("orders", 1, headers: [("x-tenant", [0xff, 0x00])])));
        Assert.False(filter.Matches(Event("orders", 1)));
    }

    [Fact]
    public void Matches_HeaderNameWithoutValue_RequiresPresenceOnly()
    {
        var filter = new EventSelection { HeaderName = "traceparent" };

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

        Assert.True(new EventSelection { Text = text }.Matches(envelope));
    }

    [Fact]
    public void Matches_Text_AbsentEverywhere_DoesNotMatch()
    {
        var envelope = Event("orders", 1, key: "order-7", json: """{"item":"widget"}""");

        Assert.False(new EventSelection { Text = "gadget" }.Matches(envelope));
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

        Assert.False(new EventSelection { Text = "needle" }.Matches(envelope));
    }

    [Fact]
    public void Matches_Text_ScansOnlyTheFirst64KiloBytesOfThePayload()
    {
        var padding = new string('a', EventSelection.MaxScannedPayloadBytes);
        var early = Event("orders", 1, json: "needle" + padding, format: PayloadFormat.Text);
        var late = Event("orders", 2, json: padding + "needle", format: PayloadFormat.Text);

        Assert.True(new EventSelection { Text = "needle" }.Matches(early));
        Assert.False(new EventSelection { Text = "needle" }.Matches(late));
    }

    [Fact]
    public void Matches_TombstoneWithText_DoesNotThrow()
    {
        var tombstone = new EventEnvelope { Topic = "orders", Partition = 0, Offset = 1, TimestampMs = 1, MessageId = "m", PayloadFormat = PayloadFormat.Tombstone };

        Assert.False(new EventSelection { Text = "x", HeaderName = "h" }.Matches(tombstone));
        Assert.True(new EventSelection { Topics = ["orders"] }.Matches(tombstone));
    }

    [Fact]
    public void Matches_SeveralParts_AllMustMatch()
    {
        var filter = new EventSelection { Topics = ["orders"], Kind = MessageKind.Event, Type = "OrderPlaced" };

        Assert.True(filter.Matches(Event("orders", 1)));
        Assert.False(filter.Matches(Event("orders", 1, kind: MessageKind.Command)));
        Assert.False(filter.Matches(Event("payments", 1)));
    }

    [Fact]
    public void Matches_NonAsciiText_IgnoresCaseInKeyHeaderAndPayload()
    {
        var inPayload = Event("orders", 1, json: """{"city":"Zürich","note":"Straße"}""");
        var inHeader = Event("orders", 2, headers: [("x-city", Utf8("MÜNCHEN"))]);
        var inKey = Event("orders", 3, key: "Ελλάδα-1");

        Assert.True(new EventSelection { Text = "ZÜRICH" }.Matches(inPayload));
        Assert.True(new EventSelection { Text = "münchen" }.Matches(inHeader));
        Assert.True(new EventSelection { Text = "ΕΛΛΆΔΑ" }.Matches(inKey));
        Assert.False(new EventSelection { Text = "münchen" }.Matches(inPayload));
    }

    [Fact]
    public void Text_LongerThanTheLimit_IsRefusedSayingTheLimit()
    {
        var error = Assert.Throws<ArgumentException>(() => new EventSelection { Text = new string('a', EventSelection.MaxTextLength + 1) });

        Assert.Equal(nameof(EventSelection.Text), error.ParamName);
        Assert.Contains($"at most {EventSelection.MaxTextLength}", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => EventSelection.All with { Text = new string('a', 15_001) });
    }

    [Fact]
    public void Text_AtTheLimit_MatchesOnlyARealOccurrenceInALongPayload()
    {
        var needle = new string('a', EventSelection.MaxTextLength - 1) + "b";
        var hostile = Event("orders", 1, json: new string('a', EventSelection.MaxScannedPayloadBytes), format: PayloadFormat.Text);
        var present = Event("orders", 2, json: new string('A', 1000) + "B", format: PayloadFormat.Text);

        Assert.False(new EventSelection { Text = needle }.Matches(hostile));
        Assert.True(new EventSelection { Text = needle }.Matches(present));
    }

    [Fact]
    public void With_AnotherText_SearchesForTheNewText()
    {
        var envelope = Event("orders", 1, json: """{"item":"gadget"}""");
        var widget = new EventSelection { Text = "widget" };
        Assert.False(widget.Matches(envelope));

        var gadget = widget with { Text = "gadget" };
        var gadgetOfType = gadget with { Type = "OrderPlaced" };

        Assert.True(gadget.Matches(envelope));
        Assert.True(gadgetOfType.Matches(envelope));
        Assert.False(widget.Matches(envelope));
    }

    [Fact]
    public void Equals_SameTopicsInNewList_AreEqual()
    {
        var a = new EventSelection { Topics = ["a", "b"], Type = "T" };
        var b = new EventSelection { Topics = new List<string> { "a", "b" }, Type = "T" };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Topics = ["b", "a"] });
    }
}
