using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Tests.Selection;

/// <summary>The query-string names beyond the feed's (ids, time, ranges, limit) and the binder's round trip.</summary>
public sealed class EventSelectionQueryRoundTripTests
{
    // Characters a query string must escape, a separator of each syntax, and text beyond ASCII.
    private const string Alphabet = "ab Z09-._~&=+%?#/:,;\"'<>ü€𐐀";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ToQuery_ThenParse_RandomSelections_GiveTheSameSelection(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var selection = RandomSelection(random);

            var query = EventSelectionQuery.ToQuery(selection);
            var read = EventSelectionQuery.Parse(query, out var problems);

            Assert.Equal(selection, read);
            Assert.Empty(problems);
        }
    }

    [Fact]
    public void Parse_ApiAndReplayNames_ReadsThem()
    {
        var selection = EventSelectionQuery.Parse(
            "messageId=m-1&correlation=c-1&causationId=m-0&from=2025-01-31T12:00:00Z&to=2025-01-31T13:00:00%2B01:00"
            + "&range=orders/0/5-9&range=orders/2&limit=20",
            out var problems);

        Assert.Empty(problems);
        Assert.Equal("m-1", selection.MessageId);
        Assert.Equal("c-1", selection.CorrelationId);
        Assert.Equal("m-0", selection.CausationId);
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero), selection.From);
        Assert.Equal(selection.From, selection.To);
        Assert.Equal([new PartitionRange("orders", 0, 5, 9), new PartitionRange("orders", 2)], selection.Ranges);
        Assert.Equal(20, selection.Limit);
    }

    [Fact]
    public void Parse_DateWithoutOffset_IsUtc()
    {
        Assert.Equal(TimeSpan.Zero, EventSelectionQuery.Parse("from=2025-01-31T12:00:00").From!.Value.Offset);
    }

    [Theory]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("kind=Banana", "kind")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2025-13-45", "to")]
    [InlineData("from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", "from")]
    [InlineData("range=orders", "range")]
    [InlineData("range=orders/0/9-5", "range")]
    public void Parse_BadValue_ReportsItUnderItsParameter(string query, string parameter)
    {
        EventSelectionQuery.Parse(query, out var problems, maxLimit: EventSelection.MaxLimit);

        Assert.NotEmpty(Assert.Single(Assert.Single(problems, p => p.Key == parameter).Value));
        Assert.Single(problems);
    }

    [Fact]
    public void ToQuery_EveryPart_UsesTheDocumentedNamesInOrder()
    {
        var selection = new EventSelection
        {
            Topics = ["orders"],
            Kind = MessageKind.Command,
            Type = "PlaceOrder",
            Key = "k",
            MessageId = "m",
            CorrelationId = "c",
            CausationId = "p",
            Source = "api",
            HeaderName = "h",
            Text = "x",
            From = new DateTimeOffset(2025, 1, 31, 12, 0, 0, 500, TimeSpan.Zero),
            To = new DateTimeOffset(2025, 1, 31, 13, 0, 0, TimeSpan.Zero),
            Ranges = [new PartitionRange("orders", 1, 5)],
            Limit = 3,
        };

        Assert.Equal(
            "topic=orders&kind=Command&type=PlaceOrder&key=k&messageId=m&correlationId=c&causationId=p&source=api&header=h&q=x"
            + "&from=2025-01-31T12%3A00%3A00.5Z&to=2025-01-31T13%3A00%3A00Z&range=orders%2F1%2F5-&limit=3",
            EventSelectionQuery.ToQuery(selection));
    }

    private static EventSelection RandomSelection(Random random)
    {
        string? Text(int chance = 2) => random.Next(chance) == 0 ? Word(random) : null;
        var headerName = Text();
        var topics = Enumerable.Range(0, random.Next(3)).Select(_ => Topic(random)).Distinct(StringComparer.Ordinal).ToList();
        var from = random.Next(2) == 0 ? (DateTimeOffset?)null : DateTimeOffset.UnixEpoch.AddTicks(random.NextInt64(0, 700_000_000_000_000_000));
        return new EventSelection
        {
            Topics = topics,
            Kind = random.Next(4) is var k && k < 3 ? (MessageKind)k : null,
            Type = Text(),
            Key = Text(),
            MessageId = Text(3),
            CorrelationId = Text(),
            CausationId = Text(3),
            Source = Text(3),
            HeaderName = headerName?.Replace(":", "", StringComparison.Ordinal).Trim() is { Length: > 0 } name ? name : null,
            HeaderValue = headerName?.Replace(":", "", StringComparison.Ordinal).Trim() is { Length: > 0 } ? Text() : null,
            Text = Text(3),
            From = from,
            To = from?.AddMilliseconds(random.Next(0, 100_000)),
            Ranges = [.. Enumerable.Range(0, random.Next(3)).Select(_ => Range(random))],
            Limit = random.Next(3) == 0 ? random.NextInt64(1, long.MaxValue) : null,
        };
    }

    private static PartitionRange Range(Random random)
    {
        long? Bound() => random.Next(3) == 0 ? null : random.NextInt64(0, 1_000_000);
        var (from, to) = (Bound(), Bound());
        return from > to ? new PartitionRange(Topic(random), random.Next(100), to, from) : new PartitionRange(Topic(random), random.Next(100), from, to);
    }

    private static string Topic(Random random) => "t" + random.Next(1000) + ".events-" + random.Next(10);

    // Trimmed, as the binder trims what it reads; never blank.
    private static string Word(Random random)
    {
        var chars = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Alphabet.EnumerateRunes().ElementAt(random.Next(Alphabet.EnumerateRunes().Count())).ToString());
        var word = string.Concat(chars).Trim();
        return word.Length == 0 ? "w" : word;
    }
}
