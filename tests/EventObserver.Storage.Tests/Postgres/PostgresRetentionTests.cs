using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Support;
using EventObserver.TestSupport.Postgres;

using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionTests(PostgresFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    [PostgresFact]
    public void ApplyRetention_MaxAge_DropsWholeOldDaysAndTrimsTheBoundaryDay()
    {
        using var index = _db.Open(time: new FakeTimeProvider(Now));
        index.Write(
            Day("orders", 0, 0, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero))
                .Concat(Day("orders", 0, 100, new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)))
                .Concat(Day("orders", 0, 200, new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero)))
                .Concat(Day("orders", 0, 300, new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero)))
                .Concat(Day("payments", 0, 0, new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)))
                .ToList());
        Assert.True(Exists("events_20261130"));

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: null, MaxAge: TimeSpan.FromHours(30)), Now);

        Assert.Equal(400, deleted);
        Assert.False(Exists("events_20261130"));
        Assert.False(Exists("events_20261201"));
        Assert.True(Exists("events_20261202"));
        var statistics = index.GetStatistics();
        Assert.Equal(100, statistics.TotalEvents);
        Assert.Equal((0L, null), (statistics.Topics["payments"].Count, statistics.Topics["payments"].LastEventAt));
        var range = Assert.Single(index.GetPartitionRanges("orders"));
        Assert.Equal((300L, 399L, 100L), (range.OldestOffset, range.NewestOffset, range.Count));
        Assert.Equal(400, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
        Assert.Equal(0, index.Write(Day("orders", 0, 0, Now)));
    }

    [PostgresFact]
    public void ApplyRetention_ClosedDay_GetsItsTextIndexAndStillFindsText()
    {
        using var index = _db.Open(time: new FakeTimeProvider(Now));
        index.Write(Day("orders", 0, 0, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)));

        index.ApplyRetention(new RetentionPolicy(null, null), Now);

        Assert.True(Exists("events_20261202_search"));
        Assert.False(Exists("events_20261203_search"));
        Assert.Equal(["orders/0/42"], index.Query(new EventSelection { Text = "\"OFFSET\":42}" }).Select(e => e.Id));
    }

    [PostgresFact]
    public void ApplyRetention_MaxEventsInTheDefaultPartition_KeepsExactlyTheNewest()
    {
        using var index = _db.Open(time: new FakeTimeProvider(Now));
        index.Write(Envelopes.Range("orders", 0, 0, 999));

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: 300, MaxAge: null), Now);

        Assert.Equal(700, deleted);
        Assert.Equal(Enumerable.Range(700, 300).Reverse().Select(i => (long)i), index.Query(new EventSelection { Limit = 1000 }).Select(e => e.Offset));
        Assert.Null(index.Get("orders", 0, 699));
        Assert.Equal(300, index.GetStatistics().TotalEvents);
        Assert.Equal(700, Assert.Single(index.GetPartitionRanges("orders")).OldestOffset);
    }

    [PostgresFact]
    public void ApplyRetention_MaxEventsAcrossDays_DropsTheOldestDayAndTrimsTheNext()
    {
        using var index = _db.Open(time: new FakeTimeProvider(Now));
        index.Write(
            Day("orders", 0, 0, new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero))
                .Concat(Day("orders", 0, 100, new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero)))
                .Concat(Day("orders", 0, 200, Now))
                .ToList());

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: 150, MaxAge: null), Now);

        Assert.Equal(150, deleted);
        Assert.False(Exists("events_20261201"));
        Assert.Equal(150, index.GetStatistics().TotalEvents);
        Assert.Equal(150, Assert.Single(index.GetPartitionRanges("orders")).OldestOffset);
        Assert.Equal(150, index.Count(new EventRange()));
    }

    [PostgresFact]
    public void ApplyRetention_OldAndSurplusGaps_AreForgotten()
    {
        using var index = _db.Open(time: new FakeTimeProvider(Now));
        index.Write([], [new RetentionGap("orders", 0, 0, 9, Now.AddHours(-3)), new RetentionGap("payments", 1, 0, 4, Now)]);

        index.ApplyRetention(new RetentionPolicy(null, TimeSpan.FromHours(1)), Now);

        Assert.Equal("payments", Assert.Single(index.GetRetentionGaps()).Topic);
        Assert.Equal((1L, 5L), (index.GetStatistics().RetentionGaps, index.GetStatistics().MessagesLost));
        Assert.Equal(10, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
    }

    /// <summary>100 events of one partition from <paramref name="firstOffset"/>, a second apart from <paramref name="at"/>.</summary>
    private static List<EventEnvelope> Day(string topic, int partition, long firstOffset, DateTimeOffset at) =>
        [.. Enumerable.Range(0, 100).Select(i => Envelopes.Event(topic, partition, firstOffset + i, at.ToUnixTimeMilliseconds() + (i * 1000)))];

    private bool Exists(string relation) => _db.Scalar($"SELECT to_regclass('eventobserver.{relation}') IS NOT NULL") is true;
}
