using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;

namespace EventObserver.Kafka.Tests.Ingestion;

public sealed class OffsetResetChaseTests
{
    [Fact]
    public void TryParseReset_LibrdkafkaWarningAfterOffsetOutOfRange_NamesThePartition()
    {
        // Captured from librdkafka 2.x (via Confluent.Kafka's log handler) while the mock cluster trimmed the log.
        const string line = "[thrd:main]: live-aa2b777797 [5]: offset reset (at offset 18470 (leader epoch -1), broker 1) to cached "
            + "BEGINNING offset offset 18970 (leader epoch -1): fetch failed due to requested offset not available on the broker: "
            + "Broker: Offset out of range";

        Assert.Equal(new TopicPartitionKey("live-aa2b777797", 5), OffsetResetChase.TryParseReset("OFFSET", line));
    }

    [Theory]
    [InlineData("FETCH", "[thrd:main]: orders.v1 [0]: offset reset (at offset 3, broker 1) to BEGINNING")]
    [InlineData("OFFSET", "[thrd:main]: orders.v1 [0]: querying for logical offset BEGINNING")]
    public void TryParseReset_OtherLines_AreIgnored(string facility, string line) =>
        Assert.Null(OffsetResetChase.TryParseReset(facility, line));
}
