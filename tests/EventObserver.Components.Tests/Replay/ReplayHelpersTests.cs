using EventObserver.Components.Replay;
using EventObserver.Core.Projections;
using EventObserver.Replay;

namespace EventObserver.Components.Tests.Replay;

public sealed class ReplayHelpersTests
{
    [Fact]
    public void SelectionForm_EventInUrl_SelectsThatEventAndTheRestOfItsPartition()
    {
        var form = SelectionForm.FromUri("http://localhost/replay?event=orders.events%2F3%2F42");

        Assert.Equal(new ReplaySelection { Topic = "orders.events", Partitions = [new ReplayPartitionRange(3, 42)] }.Topic, form.ToSelection().Topic);
        Assert.Equal([new ReplayPartitionRange(3, 42, null)], form.ToSelection().Partitions!);
    }

    [Theory]
    [InlineData("http://localhost/replay?correlation=c-1", "c-1")]
    [InlineData("http://localhost/replay?correlationId=c-2", "c-2")]
    [InlineData("http://localhost/replay?event=not-a-position&correlation=c-3", "c-3")]
    public void SelectionForm_CorrelationInUrl_SelectsTheConversation(string uri, string expected)
    {
        var selection = SelectionForm.FromUri(uri).ToSelection();

        Assert.Equal(expected, selection.CorrelationId);
        Assert.Null(selection.Partitions);
    }

    [Theory]
    [InlineData("a/1/2", true)]
    [InlineData("a/-1/2", false)]
    [InlineData("a/1", false)]
    [InlineData("/1/2", false)]
    [InlineData("a/x/2", false)]
    public void TryParsePosition_Texts_AcceptsOnlyTopicPartitionOffset(string text, bool ok) =>
        Assert.Equal(ok, SelectionForm.TryParsePosition(text, out _, out _, out _));

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
