using EventObserver.Features.Feed;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Components.Tests.Feed;

public sealed class FilterFormTests
{
    [Fact]
    public void ToSelection_PartsWithoutAField_AreKeptFromTheSharedUrl()
    {
        var shared = EventSelectionQuery.Parse("?type=OrderPlaced&causationId=m-1&from=2025-03-01T12:00:00Z&range=orders/0/5-&limit=7");
        var form = FilterForm.From(shared);

        form.Kind = MessageKind.Event;
        form.Type = " ";

        Assert.Equal(shared with { Kind = MessageKind.Event, Type = null }, form.ToSelection());
    }

    [Fact]
    public void ToSelection_Fields_AreTrimmedSortedAndHeaderValueNeedsAName()
    {
        var form = new FilterForm { Topics = ["b", " ", "a", "b"], Key = " k ", HeaderValue = "v", Text = "  " };

        Assert.Equal(new EventSelection { Topics = ["a", "b"], Key = "k" }, form.ToSelection());
    }
}
