using System.Text;
using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding;

public sealed class EnvelopeDecoderFuzzTests
{
    private const int Iterations = 4000;

    private static readonly string[] s_headerNames =
    [
        .. HeaderConventions.BuiltIn.Select(r => r.Header), "x-mapped", "", "ÜBER", "traceparent", "content-type",
    ];

    private static readonly string[] s_jsonSeeds =
    [
        """{"specversion":"1.0","id":"m-1","type":"com.shop.order.placed","source":"/s","correlationid":"c","data":{"a":[1,2,{"b":null}]}}""",
        """{"$correlationId":"c","$causationId":"m","metadata":{"$correlationId":"c2"},"$type":"Ns.Type, Asm"}""",
        """{"meta":{"correlation":"x","list":[true,false,1.5e10]},"eventType":"OrderPlaced","messageType":7}""",
        """[{"id":1},{"id":"\u00e9\ud83d\ude00"}]""",
    ];

    [Fact]
    public void Decode_RandomRecords_NeverThrowsAndKeepsBytes()
    {
        var decoder = new EnvelopeDecoder(new LineageOptions
        {
            Mappings =
            [
                new LineageMapping { Field = LineageField.CorrelationId, JsonPath = "$.meta.correlation" },
                new LineageMapping { Field = LineageField.CausationId, JsonPath = "$.meta.list[2]" },
                new LineageMapping { Field = LineageField.Kind, Header = "x-mapped" },
            ],
        });

        for (var seed = 0; seed < Iterations; seed++)
        {
            var random = new Random(seed);
            var record = RandomRecord(random);

            EventEnvelope envelope;
            try
            {
                envelope = decoder.DecodeCore(record);
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}: {ex}");
                throw;
            }

            Assert.Same(record.Value, envelope.Payload);
            Assert.Same(record.Key, envelope.KeyBytes);
            Assert.Same(record.Headers, envelope.Headers);
            Assert.False(string.IsNullOrEmpty(envelope.MessageId));
            Assert.Equal(record.Value is null, envelope.PayloadFormat == PayloadFormat.Tombstone);
        }
    }

    private static RawRecord RandomRecord(Random random)
    {
        var headers = new EnvelopeHeader[random.Next(0, 12)];
        for (var i = 0; i < headers.Length; i++)
        {
            var name = s_headerNames[random.Next(s_headerNames.Length)];
            headers[i] = new EnvelopeHeader(random.Next(4) == 0 ? name.ToUpperInvariant() : name, RandomValue(random, allowNull: true));
        }

        return new RawRecord
        {
            Topic = random.Next(5) == 0 ? "orders.commands.DLT" : RandomText(random, 20),
            Partition = random.Next(-1, 100),
            Offset = random.NextInt64(-1, long.MaxValue),
            TimestampMs = random.NextInt64(),
            Key = RandomValue(random, allowNull: true),
            Value = random.Next(3) == 0 ? MutatedJson(random) : RandomValue(random, allowNull: true),
            Headers = headers,
        };
    }

    private static byte[]? RandomValue(Random random, bool allowNull)
    {
        switch (random.Next(6))
        {
            case 0 when allowNull:
                return null;
            case 1:
                var bytes = new byte[random.Next(0, 64)];
                random.NextBytes(bytes);
                return bytes;
            case 2:
                return Encoding.UTF8.GetBytes("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0" + random.Next(10));
            case 3:
                var number = new byte[random.Next(2) == 0 ? 4 : 8];
                random.NextBytes(number);
                return number;
            default:
                return Encoding.UTF8.GetBytes(RandomText(random, 40));
        }
    }

    private static byte[] MutatedJson(Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(s_jsonSeeds[random.Next(s_jsonSeeds.Length)]);
        var mutations = random.Next(0, 4);
        for (var i = 0; i < mutations && bytes.Length > 0; i++)
        {
            var at = random.Next(bytes.Length);
            switch (random.Next(3))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes = bytes[..at];
                    break;
                default:
                    bytes = [.. bytes[..at], (byte)"{}[]\",:\\"[random.Next(8)], .. bytes[at..]];
                    break;
            }
        }

        return bytes;
    }

    private static string RandomText(Random random, int maxLength)
    {
        const string alphabet = "abcXYZ019.-_/:;, \t{}[]\"$+`urn:message:éß東";
        var chars = new char[random.Next(0, maxLength)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
