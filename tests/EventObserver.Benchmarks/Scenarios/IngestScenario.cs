using System.Diagnostics;
using System.Text.Json;
using Avro;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using EventObserver.Benchmarks.Support;
using EventObserver.Core.Decoding;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Feed;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;
using EventObserver.Core.Metrics;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Embedded;
using EventObserver.Kafka.Ingestion;
using EventObserver.Kafka.SchemaRegistry;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>ingest</c>: N 1 KB JSON events with lineage headers are produced into librdkafka's mock
/// cluster, then (a) consumed raw with Confluent.Kafka, (b) indexed end to end by the real
/// IngestionService into a fresh LiteDB file, and (c) written by a naive LiteDB InsertBulk baseline.
/// With <c>--format avro|protobuf</c> the JSON events are indexed first (their rate is <c>jsonPerSec</c>), then the
/// same events serialized with that format and framed with a schema id from an embedded Schema Registry go through the
/// same three measurements, decoded by the app's payload decoder and registry client; the line reports those.
/// With <c>--store postgres</c> the same topic is then indexed once more into PostgreSQL (<see cref="PostgresIngest"/>),
/// one line per store.
/// </summary>
internal static class IngestScenario
{
    private const string Topic = "bench.orders.events";

    // The mock keeps ~5 MiB per partition: enough partitions that nothing produced is dropped.
    private const int Partitions = 32;

    /// <summary>
    /// Events each indexed path handles before it is measured, into an index of its own: the measured run is then the
    /// steady state of a running observer, not the JIT's first seconds (tiered compilation of a path never run before
    /// took about 2.5 s of the process's CPU in a PostgreSQL run of 200,000 events). Start-up stays in the
    /// "withStartup" figures.
    /// </summary>
    internal const int WarmUpEvents = 20_000;

    private const int TrickleEvents = 20_000;
    private const int TrickleBatch = 5;

    private static BenchTraffic _traffic = BenchTraffic.Bench;
    private static PostgresTarget? _postgres;
    private static int _observers = 1;

    public static async Task RunAsync(int events, string format = "json", bool demoLike = false, PostgresTarget? postgres = null, int observers = 1)
    {
        _traffic = demoLike ? BenchTraffic.DemoLike : BenchTraffic.Bench;
        _postgres = postgres;
        _observers = observers;
        if (format == "json")
        {
            await RunFormatAsync(events, ValueEncoder.Json, null);
            return;
        }

        Report("JSON first, for the rate of the same run");
        var json = await RunFormatAsync(events, ValueEncoder.Json, null, print: false);
        Report($"JSON indexed at {json:N0}/s; now {format}");
        await using var registry = await EmbeddedSchemaRegistry.StartAsync(CancellationToken.None);
        var encoder = await ValueEncoder.CreateAsync(format, registry.Url);
        await RunFormatAsync(events, encoder, registry.Url, jsonPerSec: json);
    }

    private static async Task<double> RunFormatAsync(int events, ValueEncoder encoder, string? registryUrl, bool print = true, double? jsonPerSec = null)
    {
        var directory = Directory.CreateTempSubdirectory("eventobserver-bench-").FullName;
        try
        {
            using var cluster = new MockKafkaCluster(brokers: 1);
            cluster.CreateTopic(Topic, Partitions);
            using var schemas = registryUrl is null
                ? null
                : new ConfluentSchemaRegistry(new SchemaRegistryOptions { Url = registryUrl }, TimeProvider.System, NullLogger<ConfluentSchemaRegistry>.Instance);
            var decoder = new EnvelopeDecoder(new LineageOptions(), new PayloadDecoder(new DecodingOptions(), (ISchemaRegistry?)schemas ?? NoSchemaRegistry.Instance));

            var (producePerSec, rawBytes) = Produce(cluster.BootstrapServers, events, encoder);
            Report($"produced {events:N0} {_traffic.Name} events at {producePerSec:N0}/s, {rawBytes / (double)events:N0} raw bytes each");

            var rawPerSec = MeasureRawConsume(cluster.BootstrapServers, events);
            Report($"raw Confluent.Kafka consume: {rawPerSec:N0}/s");

            var warmUpEvents = Math.Min(WarmUpEvents, events);
            var warmUp = await MeasureIndexedAsync(cluster.BootstrapServers, warmUpEvents, Directory.CreateDirectory(Path.Combine(directory, "warm-up")).FullName, decoder);
            Report($"warm-up, not counted: {warmUpEvents:N0} events into an index of their own at {warmUp.WithStartup:N0}/s including start-up");

            // Peak RSS of the product's path only: the producer's buffers above are not the product's.
            var peakIsPerPhase = ProcessMemory.ResetPeak();
            var rssStartMb = ProcessMemory.CurrentRssMb();
            var (indexedPerSec, withStartupPerSec) = await MeasureIndexedAsync(cluster.BootstrapServers, events, directory, decoder);
            Report($"indexed end to end: {indexedPerSec:N0}/s steady, {withStartupPerSec:N0}/s including start-up and group join");

            // The provider is disposed, so LiteDB has checkpointed its log into the file: what stays on disk.
            var footprint = IndexFootprint.Measure(Path.Combine(directory, "index.db"));
            Report($"footprint: {footprint.Describe(rawBytes)}");

            // Read before the naive baseline, which holds every decoded event in memory.
            var peakRssMb = ProcessMemory.PeakRssMb();
            Report($"RSS {rssStartMb:N0} MB before indexing, peak {peakRssMb:N0} MB{(peakIsPerPhase ? " during indexing" : " over the whole run")}");

            var naivePerSec = MeasureNaive(events, directory, decoder, encoder);
            Report($"naive LiteDB InsertBulk with 5 secondary indexes: {naivePerSec:N0}/s");

            var (trickle, trickleRaw) = TrickleFootprint.Measure(directory, decoder, TrickleEvents, TrickleBatch);
            Report($"demo-like trickle ({TrickleEvents:N0} events, {TrickleBatch} per batch over 24 partitions): {trickle.Describe(trickleRaw)}");

            var result = new Dictionary<string, object>
            {
                ["scenario"] = "ingest",
                ["store"] = "litedb",
                ["events"] = events,
                ["rawConsumePerSec"] = Math.Round(rawPerSec),
                ["indexedPerSec"] = Math.Round(indexedPerSec),
                ["naivePerSec"] = Math.Round(naivePerSec),
                ["ratioToNaive"] = Math.Round(indexedPerSec / naivePerSec, 2),
                ["peakRssMb"] = Math.Round(peakRssMb),
                ["indexedPerSecWithStartup"] = Math.Round(withStartupPerSec),
                ["producePerSec"] = Math.Round(producePerSec),
                ["indexBytesPerEvent"] = Math.Round(footprint.TotalBytes / (double)events),
                ["rawBytesPerEvent"] = Math.Round(rawBytes / (double)events),
                ["traffic"] = _traffic.Name,
                ["warmUpEvents"] = warmUpEvents,
                ["trickleIndexBytesPerEvent"] = Math.Round(trickle.TotalBytes / (double)TrickleEvents),
                ["trickleRawBytesPerEvent"] = Math.Round(trickleRaw / (double)TrickleEvents),
            };
            if (jsonPerSec is { } jsonRate)
            {
                result["format"] = encoder.Format;
                result["jsonPerSec"] = Math.Round(jsonRate);
                result["ratioToJson"] = Math.Round(indexedPerSec / jsonRate, 2);
            }

            if (print)
            {
                Console.WriteLine(JsonSerializer.Serialize(result));
            }

            // Same topic, same decoder: the second store reads exactly what the first one did.
            if (print && _postgres is not null)
            {
                var context = new PostgresIngest.RunContext(events, _observers, producePerSec, rawPerSec, rawBytes, indexedPerSec, _traffic.Name, jsonPerSec is null ? null : encoder.Format);
                await PostgresIngest.RunAsync(_postgres, cluster.BootstrapServers, decoder, context);
            }

            return indexedPerSec;
        }
        finally
        {
            TryDelete(directory);
        }
    }

    private static (double PerSecond, long RawBytes) Produce(string bootstrapServers, int events, ValueEncoder encoder)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            LingerMs = 5,
            BatchNumMessages = 10_000,
            BatchSize = 8_000_000,
            CompressionType = CompressionType.Lz4,
            QueueBufferingMaxMessages = 200_000,
            QueueBufferingMaxKbytes = 1_048_576,
        }).SetLogHandler((_, _) => { }).Build();

        var failures = 0;
        long rawBytes = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            var message = new Message<byte[], byte[]> { Key = _traffic.Key(i), Value = encoder.Value(i), Headers = [] };
            var headers = _traffic.Headers(i);
            foreach (var (key, value) in headers)
            {
                message.Headers.Add(key, value);
            }

            rawBytes += RawBytes.Of(message.Key, message.Value, headers.Select(h => (h.Key, (byte[]?)h.Value)));

            while (true)
            {
                try
                {
                    producer.Produce(new TopicPartition(Topic, i % Partitions), message, r =>
                    {
                        if (r.Error.IsError)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    });
                    break;
                }
                catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        producer.Flush(TimeSpan.FromMinutes(2));
        stopwatch.Stop();
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} benchmark messages were not delivered");
        }

        return (events / stopwatch.Elapsed.TotalSeconds, rawBytes);
    }

    private static double MeasureRawConsume(string bootstrapServers, int events)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "bench-raw",
            EnableAutoCommit = false,
            FetchMaxBytes = 52_428_800,
            MaxPartitionFetchBytes = 4_194_304,
            QueuedMaxMessagesKbytes = 32_768,
        }).SetLogHandler((_, _) => { }).Build();

        var stopwatch = Stopwatch.StartNew();
        consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset(Topic, p, Offset.Beginning)));
        var count = 0;
        long bytes = 0;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (count < events && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(100);
            if (result?.Message is { } message)
            {
                count++;
                bytes += message.Value?.Length ?? 0;
            }
        }

        stopwatch.Stop();
        consumer.Close();
        if (count < events)
        {
            throw new InvalidOperationException($"raw consume saw only {count} of {events} events (mock retention?)");
        }

        Report($"raw consume read {bytes / 1048576.0:N0} MiB of values");
        return events / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<(double Steady, double WithStartup)> MeasureIndexedAsync(string bootstrapServers, int events, string directory, EnvelopeDecoder decoder)
    {
        var kafka = new KafkaOptions { BootstrapServers = bootstrapServers, GroupId = "bench-ingest" };
        var storage = Options.Create(new StorageOptions { Path = Path.Combine(directory, "index.db"), MaxEvents = null, MaxAge = null });
        using var provider = new EventIndexProvider(storage, NullLogger<EventIndexProvider>.Instance, TimeProvider.System);
        var status = new IngestionStatus(TimeProvider.System);
        using var service = new IngestionService(
            KafkaConnection.ForCluster(kafka, bootstrapServers),
            decoder,
            provider,
            status,
            [new TopicRateObserver(status.Rates), new LiveFeedObserver(new LiveFeed())],
            TimeProvider.System,
            NullLogger<IngestionService>.Instance);

        var stopwatch = Stopwatch.StartNew();
        await service.StartAsync(CancellationToken.None);
        TimeSpan? firstAt = null;
        long firstCount = 0;
        long indexed = 0;
        var deadline = TimeSpan.FromMinutes(10);
        while (indexed < events && stopwatch.Elapsed < deadline)
        {
            indexed = provider.Current?.GetStatistics().TotalEvents ?? 0;
            if (firstAt is null && indexed > 0)
            {
                firstAt = stopwatch.Elapsed;
                firstCount = indexed;
            }

            await Task.Delay(5);
        }

        var end = stopwatch.Elapsed;
        await service.StopAsync(CancellationToken.None);
        if (indexed < events || firstAt is null)
        {
            throw new InvalidOperationException($"indexed only {indexed} of {events} events; last error: {status.LastError}");
        }

        var steady = (events - firstCount) / (end - firstAt.Value).TotalSeconds;
        return (steady, events / end.TotalSeconds);
    }

    private static double MeasureNaive(int events, string directory, EnvelopeDecoder decoder, ValueEncoder encoder)
    {
        var envelopes = new List<EventEnvelope>(events);
        var records = new List<RawRecord>(events);
        for (var i = 0; i < events; i++)
        {
            var record = BenchEvents.Record(Topic, Partitions, i);
            records.Add(new RawRecord
            {
                Topic = record.Topic,
                Partition = record.Partition,
                Offset = record.Offset,
                TimestampMs = record.TimestampMs,
                TimestampKind = record.TimestampKind,
                Key = _traffic.Key(i),
                Value = encoder.Value(i),
                Headers = _traffic.Headers(i).Select(h => new EnvelopeHeader(h.Key, h.Value)).ToArray(),
            });
        }

        var decodeTime = Stopwatch.StartNew();
        foreach (var record in records)
        {
            envelopes.Add(decoder.Decode(record));
        }

        decodeTime.Stop();
        Report($"decode alone (one thread): {decodeTime.Elapsed.TotalMicroseconds / events:N1} µs per {encoder.Format} event");

        var decoded = envelopes.Count(e => e.Decoding is { Status: DecodeStatus.Decoded });
        if (encoder.Format != "json" && decoded != events)
        {
            throw new InvalidOperationException($"only {decoded} of {events} {encoder.Format} events decoded; first status: {envelopes.First().Decoding}");
        }

        return NaiveLiteDbBaseline.MeasureEventsPerSecond(envelopes, directory);
    }

    /// <summary>The event values of one format: JSON as <see cref="BenchEvents"/> writes them, or schema-encoded and framed.</summary>
    private sealed class ValueEncoder(string format, Func<int, byte[]> value)
    {
        public static ValueEncoder Json => new("json", _traffic.Value);

        public string Format { get; } = format;

        public byte[] Value(int i) => value(i);

        public static async Task<ValueEncoder> CreateAsync(string format, string registryUrl)
        {
            using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = registryUrl });
            if (format == "avro")
            {
                var id = await client.RegisterSchemaAsync(Topic + "-value", new Confluent.SchemaRegistry.Schema(SchemaBenchEvents.AvroSchema, SchemaType.Avro));
                var schema = (RecordSchema)Avro.Schema.Parse(SchemaBenchEvents.AvroSchema);
                var writer = new GenericDatumWriter<GenericRecord>(schema);
                return new ValueEncoder(format, i => SchemaBenchEvents.Avro(i, id, schema, writer));
            }

            var protoId = await client.RegisterSchemaAsync(Topic + "-value", new Confluent.SchemaRegistry.Schema(SchemaBenchEvents.ProtobufSchema, SchemaType.Protobuf));
            return new ValueEncoder(format, i => SchemaBenchEvents.Protobuf(i, protoId));
        }
    }

    private static void Report(string line) => Console.Error.WriteLine($"[ingest] {line}");

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
