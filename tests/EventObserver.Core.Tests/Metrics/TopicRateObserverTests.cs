using EventObserver.Core.Envelopes;
using EventObserver.Core.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Core.Tests.Metrics;

public sealed class TopicRateObserverTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void OnCommitted_BatchesOfTwoTopics_RecordEachTopicAndTheTotal()
    {
        var meter = new RateMeter(_time, windowSeconds: 1);
        var observer = new TopicRateObserver(meter);
        EventEnvelope[] batch = [Event("orders", 0), Event("payments", 0), Event("orders", 1), Event("orders", 2)];

        observer.OnCommitted(batch);
        observer.OnCommitted(batch);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(6, meter.GetRate("orders"));
        Assert.Equal(2, meter.GetRate("payments"));
        Assert.Equal(8, meter.GetRate());
    }

    private static EventEnvelope Event(string topic, long offset) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = 1_704_110_400_000,
        MessageId = $"{topic}/0/{offset}",
    };
}
