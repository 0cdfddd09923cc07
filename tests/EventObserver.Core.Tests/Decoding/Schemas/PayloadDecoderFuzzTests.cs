using EventObserver.Core.Decoding;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding.Schemas;

public sealed class PayloadDecoderFuzzTests
{
    private const int Iterations = 5000;

    private static readonly byte[][] s_prefixes =
    [
        [], [0x00], [0x00, 0x00, 0x00, 0x00, 0x01], [0x00, 0x00, 0x00, 0x00, 0x02], [0x00, 0x00, 0x00, 0x00, 0x03],
        [0x00, 0x00, 0x00, 0x00, 0x04], [0x00, 0x7F, 0xFF, 0xFF, 0xFF], [0x82], [0x93], [0xDE, 0x00], [0xDD], [0xDF, 0xFF, 0xFF],
    ];

    [Fact]
    public void Decode_RandomBytes_NeverThrows()
    {
        var registry = new FakeSchemaRegistry()
            .Add(1, SchemaFormat.Json, "{}")
            .Add(2, SchemaFormat.Avro, """{"type":"record","name":"A","fields":[{"name":"a","type":"string"},{"name":"b","type":["null","long"]}]}""")
            .Add(3, SchemaFormat.Protobuf, "syntax = \"proto3\"; message A { string a = 1; message B { int64 b = 1; } }")
            .Add(4, SchemaFormat.Protobuf, "this is not proto");
        var payloads = new PayloadDecoder(new DecodingOptions { MessagePackTopics = ["^mp$"] }, registry);
        var envelopes = new EnvelopeDecoder(new LineageOptions(), payloads);

        for (var seed = 0; seed < Iterations; seed++)
        {
            var random = new Random(seed);
            var prefix = s_prefixes[random.Next(s_prefixes.Length)];
            var tail = new byte[random.Next(0, 40)];
            random.NextBytes(tail);
            byte[] bytes = [.. prefix, .. tail];
            var topic = random.Next(4) == 0 ? "mp" : "orders";
            var role = random.Next(3) == 0 ? PayloadRole.Key : PayloadRole.Value;

            var exception = Record.Exception(() =>
            {
                payloads.Decode(topic, bytes, role);
                envelopes.DecodeCore(Records.Create(bytes, key: bytes, topic: topic));
            });

            Assert.True(exception is null, $"seed {seed}: {exception}");
        }
    }
}
