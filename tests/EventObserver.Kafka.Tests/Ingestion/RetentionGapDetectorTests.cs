using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Kafka.Tests.Ingestion;

public sealed class RetentionGapDetectorTests
{
    private static readonly TopicPartitionKey Orders = new("orders", 2);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<TopicPartitionKey, long> _positions = new() { [Orders] = 10 };

    [Fact]
    public void Observe_JumpPastTheLogStart_ReturnsTheExactGapAndMovesOn()
    {
        var detector = new RetentionGapDetector(_positions, _time);

        var gap = detector.Observe(Orders, 25, _ => 25);

        Assert.Equal(new RetentionGap("orders", 2, 10, 24, _time.GetUtcNow()), gap);
        Assert.Equal(15, gap!.Count);
        Assert.Equal(26, _positions[Orders]);
        Assert.Null(detector.Observe(Orders, 26, _ => throw new InvalidOperationException("no jump, no look-up")));
    }

    [Fact]
    public void Observe_JumpTheLogStillHolds_CountsSkippedOffsetsWithoutAGap()
    {
        var detector = new RetentionGapDetector(_positions, _time);

        var gap = detector.Observe(Orders, 12, _ => 0);

        Assert.Null(gap);
        Assert.Equal(2, detector.SkippedOffsets);
        Assert.Equal(13, _positions[Orders]);
    }

    [Fact]
    public void Observe_PartitionWithoutAPosition_StartsThereWithoutAGap()
    {
        var detector = new RetentionGapDetector(_positions, _time);
        var fresh = new TopicPartitionKey("payments", 0);

        var gap = detector.Observe(fresh, 5000, _ => 5000);

        Assert.Null(gap);
        Assert.Equal(0, detector.SkippedOffsets);
        Assert.Equal(5001, _positions[fresh]);
    }

    [Fact]
    public void Observe_UnknownLogStart_CountsTheJumpAsSkipped()
    {
        var detector = new RetentionGapDetector(_positions, _time);

        Assert.Null(detector.Observe(Orders, 20, _ => null));
        Assert.Equal(10, detector.SkippedOffsets);
    }
}
