using EventObserver.Benchmarks.Support;
using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Storage.Index;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// The footprint of demo-like traffic as the demo writes it: a few events per batch (the consume loop closes a batch
/// after 50 ms, so at demo rates a batch holds a handful of events spread over eight topics of three partitions), written
/// straight into an index. The ingest run itself fills whole chunks, which says nothing about this case.
/// </summary>
internal static class TrickleFootprint
{
    private static readonly string[] Topics =
        ["orders.commands", "orders.events", "inventory.events", "payments.events", "shipping.events", "notifications", "audit.log", "inventory.commands"];

    private const int PartitionsPerTopic = 3;

    public static (IndexFootprint Footprint, long RawBytes) Measure(string directory, EnvelopeDecoder decoder, int events, int batchSize)
    {
        var path = Path.Combine(directory, "trickle.db");
        var offsets = new long[Topics.Length * PartitionsPerTopic];
        long raw = 0;
        using (var index = LiteDbEventIndex.Open(path))
        {
            var batch = new List<EventEnvelope>(batchSize);
            for (var i = 0; i < events; i++)
            {
                var slot = i * 7 % offsets.Length;
                var record = new RawRecord
                {
                    Topic = Topics[slot / PartitionsPerTopic],
                    Partition = slot % PartitionsPerTopic,
                    Offset = offsets[slot]++,
                    TimestampMs = 1_795_000_000_000 + i * 37L,
                    TimestampKind = TimestampKind.CreateTime,
                    Key = DemoLikeEvents.Key(i),
                    Value = DemoLikeEvents.Value(i),
                    Headers = DemoLikeEvents.Headers(i).Select(h => new EnvelopeHeader(h.Key, h.Value)).ToArray(),
                };
                raw += RawBytes.Of(record.Key, record.Value, record.Headers.Select(h => (h.Key, h.Value)));
                batch.Add(decoder.Decode(record));
                if (batch.Count == batchSize)
                {
                    index.Write(batch);
                    batch = new List<EventEnvelope>(batchSize);
                }
            }

            index.Write(batch);
        }

        return (IndexFootprint.Measure(path), raw);
    }
}
