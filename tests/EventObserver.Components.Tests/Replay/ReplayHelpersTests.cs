using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Components.Tests.Replay;

public sealed class ReplayHelpersTests
{
    [Fact]
    public void SelectionForm_EventInUrl_SelectsThatEventAndTheRestOfItsPartition()
    {
        var form = SelectionForm.FromUri("http://localhost/replay?event=orders.events%2F3%2F42");

        Assert.Equal(["orders.events"], form.ToSelection().Topics);
        Assert.Equal([new PartitionRange("orders.events", 3, 42, null)], form.ToSelection().Ranges);
    }

    [Theory]
    [InlineData("http://localhost/replay?correlation=c-1", "c-1")]
    [InlineData("http://localhost/replay?correlationId=c-2", "c-2")]
    [InlineData("http://localhost/replay?event=not-a-position&correlation=c-3", "c-3")]
    public void SelectionForm_CorrelationInUrl_SelectsTheConversation(string uri, string expected)
    {
        var selection = SelectionForm.FromUri(uri).ToSelection();

        Assert.Equal(expected, selection.CorrelationId);
        Assert.Empty(selection.Ranges);
    }

    [Fact]
    public void SelectionForm_FeedQueryInUrl_SelectsWhatTheFeedSelects()
    {
        const string query = "?topic=orders.events&kind=Command&type=PlaceOrder&source=api&header=x-tenant:acme&q=vip&causationId=m-1&from=2025-03-01T12:00:00Z&limit=5";

        var selection = SelectionForm.FromUri("http://localhost/replay" + query).ToSelection();

        Assert.Equal(EventSelectionQuery.Parse(query), selection);
    }

    [Fact]
    public void SelectionForm_SeveralRangesInUrl_KeepsThemAndLeavesThePartitionFieldEmpty()
    {
        var form = SelectionForm.FromUri("http://localhost/replay?topic=a&range=a/0/1-2&range=a/1");

        Assert.Null(form.Partition);
        Assert.Equal([new PartitionRange("a", 0, 1, 2), new PartitionRange("a", 1)], form.ToSelection().Ranges);
    }

    [Fact]
    public void SelectionForm_PartitionWithoutTopic_IsAProblemNamingTheTopic()
    {
        var form = new SelectionForm { Partition = 0, FromOffset = 3 };

        Assert.Equal("Partition offset ranges need a 'topic'.", Assert.Single(form.ToSelection().Validate()[EventSelectionQuery.Range]));
    }

    [Fact]
    public void Describe_Selection_NamesEveryPart()
    {
        var selection = EventSelectionQuery.Parse("?topic=orders&kind=Event&q=vip&range=orders/2/5-");

        Assert.Equal("topic orders, kind Event, text \"vip\", partition 2 offsets 5–end", SelectionForm.Describe(selection));
        Assert.Equal("every indexed event", SelectionForm.Describe(EventSelection.All));
    }

    [Fact]
    public void ChangeMarks_PartitionPrefix_KeepsOnlyThatPartitionsPathsRelative()
    {
        JsonChange[] changes =
        [
            new("/a~1b/status", JsonChangeKind.Changed, null, null),
            new("/a~1b/history/2", JsonChangeKind.Added, null, null),
            new("/other/status", JsonChangeKind.Changed, null, null),
        ];

        var marks = new ChangeMarks(changes, ChangeMarks.Child("", "a/b"));

        Assert.Equal(2, marks.Count);
        Assert.Equal(JsonChangeKind.Changed, marks.At("/status"));
        Assert.Equal(JsonChangeKind.Added, marks.At("/history/2"));
        Assert.True(marks.Contains("/history"));
        Assert.True(marks.Contains(""));
        Assert.Null(marks.At("/other/status"));
    }

    [Fact]
    public void HandlerTypes_OrderLifecycleTemplate_OffersItsHandledTypes()
    {
        var types = RunControls.HandlerTypes(ProjectionTemplates.OrderLifecycle.Script);

        Assert.Contains("OrderPlaced", types);
        Assert.Contains("PaymentCharged", types);
        Assert.DoesNotContain("partitionBy", types);
        Assert.DoesNotContain("$init", types);
    }
}
