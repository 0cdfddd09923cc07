using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;
using static EventObserver.Core.Tests.Feed.FeedEnvelopes;

namespace EventObserver.Core.Tests.Selection;

/// <summary>The parts the API and replays added to the feed's filter (ids, time, ranges, limit) and the selection's checks.</summary>
public sealed class EventSelectionRulesTests
{
    private static readonly DateTimeOffset Base = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Fact]
    public void Matches_MessageAndCausationIds_CompareExactly()
    {
        var e = new EventEnvelope { Topic = "orders", Partition = 0, Offset = 1, TimestampMs = 1, MessageId = "orders-1", CausationId = "cause-1" };

        Assert.True(new EventSelection { MessageId = "orders-1", CausationId = "cause-1" }.Matches(e));
        Assert.False(new EventSelection { MessageId = "ORDERS-1" }.Matches(e));
        Assert.False(new EventSelection { CausationId = "cause-2" }.Matches(e));
    }

    [Fact]
    public void Matches_TimeRange_BothEndsInclusiveToTheMillisecond()
    {
        var selection = new EventSelection { From = Base.AddMilliseconds(2), To = Base.AddMilliseconds(4) };

        Assert.Equal([2L, 3, 4], Range("orders", 0, 7).Where(selection.Matches).Select(e => e.Offset));
    }

    [Fact]
    public void Matches_Ranges_AnyRangeOfTheEventsPartition()
    {
        var selection = new EventSelection { Ranges = [new PartitionRange("orders", 0, 2, 3), new PartitionRange("orders", 0, FromOffset: 6)] };

        Assert.Equal([2L, 3, 6, 7], Range("orders", 0, 8).Where(selection.Matches).Select(e => e.Offset));
        Assert.False(selection.Matches(Event("payments", 2)));
        Assert.False(selection.Matches(new EventEnvelope { Topic = "orders", Partition = 1, Offset = 2, TimestampMs = 1, MessageId = "m" }));
    }

    [Fact]
    public void IsEmpty_OnlyALimit_StillMatchesEverything()
    {
        var limited = new EventSelection { Limit = 5 };

        Assert.True(limited.IsEmpty);
        Assert.NotEqual(EventSelection.All, limited);
        Assert.False(new EventSelection { CausationId = "c" }.IsEmpty);
        Assert.False(new EventSelection { Ranges = [new PartitionRange("t", 0)] }.IsEmpty);
    }

    [Fact]
    public void WithoutScannedParts_KeepsWhatTheIndexAnswers()
    {
        var selection = new EventSelection { Topics = ["orders"], Key = "k", Source = "api", HeaderName = "h", HeaderValue = "v", Text = "x" };

        var indexed = selection.WithoutScannedParts();

        Assert.True(selection.NeedsScan);
        Assert.False(indexed.NeedsScan);
        Assert.Equal(new EventSelection { Topics = ["orders"], Key = "k" }, indexed);
    }

    [Fact]
    public void Validate_UsableSelection_HasNoProblems()
    {
        var selection = new EventSelection { From = Base, To = Base, Limit = 1, Ranges = [new PartitionRange("t", 0, 1, 1)] };

        Assert.Empty(selection.Validate(maxLimit: 1));
    }

    [Fact]
    public void Validate_FromAfterTo_NamesFrom()
    {
        var errors = new EventSelection { From = Base.AddSeconds(1), To = Base }.Validate();

        Assert.Contains("is after 'to'", Assert.Single(errors["from"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, long.MaxValue, "'limit' must be 1 or more; it is 0.")]
    [InlineData(1001L, 1000L, "'1001' is not a valid limit; use a whole number from 1 to 1000.")]
    public void Validate_LimitOutOfRange_NamesLimit(long limit, long max, string message)
    {
        var errors = new EventSelection { Limit = limit }.Validate(max);

        Assert.Equal(message, Assert.Single(errors["limit"]));
    }

    [Fact]
    public void Validate_BadRanges_ListsEveryProblemUnderRange()
    {
        var ranges = new[] { new PartitionRange("", 0), new PartitionRange("t", -1), new PartitionRange("t", 0, 5, 4) };

        var problems = new EventSelection { Ranges = ranges }.Validate()[EventSelectionQuery.Range];

        Assert.Equal(3, problems.Length);
        Assert.Equal("Partition offset ranges need a 'topic'.", problems[0]);
        Assert.All(problems[1..], p => Assert.StartsWith("Bad range t/", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MoreRangesThanTheLimit_IsRefused()
    {
        var ranges = Enumerable.Range(0, EventSelection.MaxRanges + 1).Select(p => new PartitionRange("t", p)).ToList();

        Assert.Equal($"At most {EventSelection.MaxRanges} partition ranges.", Assert.Single(new EventSelection { Ranges = ranges }.Validate()[EventSelectionQuery.Range]));
        Assert.Empty(new EventSelection { Ranges = ranges[..EventSelection.MaxRanges] }.Validate());
    }

    [Fact]
    public void Equals_SameRangesAndTimesInNewLists_AreEqual()
    {
        var a = new EventSelection { Ranges = [new PartitionRange("t", 1, 2, 3)], From = Base, Kind = MessageKind.Event };
        var b = new EventSelection { Ranges = new List<PartitionRange> { new("t", 1, 2, 3) }, From = Base.ToOffset(TimeSpan.FromHours(2)), Kind = MessageKind.Event };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Ranges = [new PartitionRange("t", 1, 2, 4)] });
    }
}
