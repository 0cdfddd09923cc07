using System.Text;
using Confluent.Kafka;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Replay;
using EventObserver.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Kafka.Tests.Replay;

public sealed class ReplayPublisherTests : IClassFixture<MockClusterFixture>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 2, 3, 4, 5, 6, 789, TimeSpan.Zero);

    private readonly MockClusterFixture _cluster;
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ReplayPublisher _publisher;

    public ReplayPublisherTests(MockClusterFixture cluster)
    {
        _cluster = cluster;
        var options = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        _publisher = new ReplayPublisher(KafkaConnection.ForCluster(options, cluster.BootstrapServers), _time, NullLogger<ReplayPublisher>.Instance);
    }

    [Fact]
    public async Task PublishAsync_RoundTrip_KeepsKeyValueAndHeadersByteExact_AndAddsStamps()
    {
        var target = _cluster.CreateTopic("replay-target");
        var originals = ReplayEnvelopes.Awkward("orders.dlt");

        var (outcome, previews) = await _publisher.PublishAsync(originals, new PublishTarget(target, "run-1", DryRun: false, RatePerSec: null), CancellationToken.None);
        var copies = Consume(target, originals.Count);

        Assert.Equal(new PublishOutcome(originals.Count, 0, null), outcome);
        Assert.Empty(previews);
        for (var i = 0; i < originals.Count; i++)
        {
            var original = originals[i];
            var copy = copies[i].Message;
            Assert.Equal(original.KeyBytes, copy.Key);
            Assert.Equal(original.Payload, copy.Value);
            var headers = copy.Headers.Select(h => (h.Key, Value: (byte[]?)h.GetValueBytes())).ToList();
            Assert.Equal(original.Headers.Select(h => (h.Key, h.Value)), headers.Take(original.Headers.Count));
            Assert.Equal(
                [
                    (ReplayHeaders.ReplayOf, (byte[]?)Encoding.UTF8.GetBytes($"orders.dlt/0/{original.Offset}")),
                    (ReplayHeaders.ReplayId, "run-1"u8.ToArray()),
                    (ReplayHeaders.ReplayedAt, "2026-02-03T04:05:06.789Z"u8.ToArray()),
                ],
                headers.Skip(original.Headers.Count));
        }
    }

    [Fact]
    public async Task PublishAsync_DecodedValues_SendTheRawBytes_AndRefuseOnesWhoseRawBytesWereWithheld()
    {
        var target = _cluster.CreateTopic("replay-decoded");
        byte[] frame = [0x00, 0x00, 0x00, 0x00, 0x2a, 0x02, 0x06];
        var decoding = new PayloadDecoding { Format = SchemaFormat.Avro, SchemaId = 42 };
        EventEnvelope[] originals =
        [
            new() { Topic = "payments", Partition = 0, Offset = 1, TimestampMs = 0, MessageId = "m-1", Payload = frame, PayloadFormat = PayloadFormat.Binary,
                DecodedPayload = """{"amount":1}"""u8.ToArray(), Decoding = decoding },
            new() { Topic = "payments", Partition = 0, Offset = 2, TimestampMs = 0, MessageId = "m-2", Payload = RawPayloadWithheld.Marker,
                PayloadFormat = PayloadFormat.Binary, DecodedPayload = """{"card":"****"}"""u8.ToArray(), Decoding = decoding },
        ];

        var (outcome, _) = await _publisher.PublishAsync(originals, new PublishTarget(target, "run-2", DryRun: false, RatePerSec: null), CancellationToken.None);

        Assert.Equal(frame, Assert.Single(Consume(target, 1)).Message.Value);
        Assert.Equal((1L, 1L), (outcome.Sent, outcome.Failed));
        Assert.Contains("payments/0/2", outcome.FirstError, StringComparison.Ordinal);
        Assert.Contains("withheld", outcome.FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_DryRun_SendsNothing_AndListsWhatWouldBeSent()
    {
        var target = _cluster.CreateTopic("replay-dry");
        var originals = ReplayEnvelopes.Awkward("orders.events");

        var (outcome, previews) = await _publisher.PublishAsync(originals, new PublishTarget(target, "dry-1", DryRun: true, RatePerSec: null), CancellationToken.None);
        using (var producer = new TestProducer(_cluster.BootstrapServers))
        {
            producer.Send(target, "marker", "after the dry run");
        }

        var first = Assert.Single(Consume(target, 1));
        Assert.Equal("marker"u8.ToArray(), first.Message.Key);
        Assert.Equal(originals.Count, outcome.Sent);
        Assert.Equal(originals.Select(o => o.Id), previews.Select(p => p.Source.ToString()));
        Assert.All(previews, p => Assert.Equal(target, p.TargetTopic));
        Assert.Equal(originals[0].Headers.Count + 3, previews[0].Headers.Count);
        Assert.Equal(ReplayHeaders.ReplayOf, previews[0].Headers[^3].Key);
    }

    [Fact]
    public async Task Session_WithRate_SendsOnlyWhenTheClockAllows()
    {
        var session = _publisher.Begin(new PublishTarget("paced", "pace-1", DryRun: true, RatePerSec: 2));
        var originals = ReplayEnvelopes.Awkward("orders.events");

        var sending = Task.Run(async () =>
        {
            foreach (var e in originals)
            {
                await session.PublishAsync(e, CancellationToken.None);
            }
        });
        await Eventually.TrueAsync(() => session.Queued == 1, "the first event to go out at once");
        var beforeTheClockMoves = session.Queued;

        // Move the fake clock in small steps: the sender may register its delay before or after any one step,
        // and a single big jump taken before it registers would never fire.
        var advanced = TimeSpan.Zero;
        await Eventually.TrueAsync(
            () =>
            {
                if (session.Queued >= 2)
                {
                    return true;
                }

                _time.Advance(TimeSpan.FromMilliseconds(10));
                advanced += TimeSpan.FromMilliseconds(10);
                return false;
            },
            "the second event once the clock passed 500 ms");
        var advancedAtSecond = advanced;
        await Eventually.TrueAsync(
            () =>
            {
                if (sending.IsCompleted)
                {
                    return true;
                }

                _time.Advance(TimeSpan.FromMilliseconds(50));
                return false;
            },
            "the remaining events at 2 per second");
        await sending;

        Assert.Equal(1, beforeTheClockMoves);
        Assert.True(advancedAtSecond >= TimeSpan.FromMilliseconds(500), $"the second event went out after only {advancedAtSecond.TotalMilliseconds} ms");
        Assert.Equal(4, session.Queued);
    }

    private List<ConsumeResult<byte[], byte[]>> Consume(string topic, int count) =>
        TestConsumer.ReadFromStart<byte[]>(_cluster.BootstrapServers, topic, count);

    public void Dispose() => _publisher.Dispose();
}
