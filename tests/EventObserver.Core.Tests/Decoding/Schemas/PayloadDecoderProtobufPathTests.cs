using System.Text;
using System.Text.Json;
using EventObserver.Core.Decoding;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding.Schemas;

/// <summary>Decoding real Protobuf messages: needs the Protobuf decoders (stubs on the orchestrator branch until the merge).</summary>
public sealed class PayloadDecoderProtobufPathTests : IDisposable
{
    private const string SchemaText = """
        syntax = "proto3";
        package eventobserver.demo.shipping;
        message OrderShipped { string order_id = 1; int32 parcels = 2; }
        message Envelope { message Inner { string note = 1; } }
        """;

    // order_id = "o-1", parcels = 2
    private static readonly byte[] s_orderShipped = [0x0A, 0x03, (byte)'o', (byte)'-', (byte)'1', 0x10, 0x02];

    private readonly string _directory = Directory.CreateTempSubdirectory("eo-proto-").FullName;
    private readonly FakeSchemaRegistry _registry = new FakeSchemaRegistry()
        .Add(31, SchemaFormat.Protobuf, SchemaText, subject: "shipping-value", version: 1)
        .Add(32, SchemaFormat.Protobuf, "syntax = \"proto3\"; message {");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private PayloadDecoder Decoder() => new(new DecodingOptions(), _registry);

    [Fact]
    public void Decode_FramedFirstMessage_IsItsJsonView()
    {
        var result = Decoder().Decode("shipping", Frames.Protobuf(31, [0], s_orderShipped), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.Decoded, result.Decoding.Status);
        Assert.Equal("eventobserver.demo.shipping.OrderShipped", result.Decoding.TypeName);
        using var json = JsonDocument.Parse(result.Json);
        Assert.Equal("o-1", json.RootElement.GetProperty("orderId").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("parcels").GetInt32());
    }

    [Fact]
    public void Decode_FramedNestedIndex_ResolvesTheNestedMessage()
    {
        byte[] inner = [0x0A, 0x02, (byte)'h', (byte)'i'];

        var result = Decoder().Decode("shipping", Frames.Protobuf(31, [1, 0], inner), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.Decoded, result.Decoding.Status);
        Assert.Equal("eventobserver.demo.shipping.Envelope.Inner", result.Decoding.TypeName);
        Assert.Equal("""{"note":"hi"}""", Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Decode_EnvelopeFromProtobuf_MessageTypeIsTheShortName()
    {
        var decoder = new EnvelopeDecoder(new LineageOptions(), Decoder());

        var envelope = decoder.Decode(Records.Create(Frames.Protobuf(31, [0], s_orderShipped), topic: "shipping"));

        Assert.Equal("OrderShipped", envelope.MessageType);
    }

    [Fact]
    public void Decode_IndexOutOfRange_IsSchemaMismatchWithTheRawView()
    {
        var result = Decoder().Decode("shipping", Frames.Protobuf(31, [5], s_orderShipped), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.SchemaMismatch, result.Decoding.Status);
        Assert.NotNull(result.Json);
    }

    [Fact]
    public void Decode_InvalidSchema_IsInvalidSchemaWithTheRawView()
    {
        var result = Decoder().Decode("shipping", Frames.Protobuf(32, [0], s_orderShipped), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.InvalidSchema, result.Decoding.Status);
        Assert.Equal(SchemaFormat.Protobuf, result.Decoding.Format);
        Assert.NotNull(result.Json);
    }

    [Fact]
    public void Decode_TruncatedMessage_IsCorrupt()
    {
        var result = Decoder().Decode("shipping", Frames.Protobuf(31, [0], s_orderShipped.AsSpan(0, 3)), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.Corrupt, result.Decoding.Status);
        Assert.Null(result.Json);
    }

    [Fact]
    public void Decode_LocalProtoBindingWithImportAndMessageType_DecodesUnframedMessages()
    {
        File.WriteAllText(Path.Combine(_directory, "common.proto"), "syntax = \"proto3\"; package common; message Money { int64 cents = 1; }");
        var file = Path.Combine(_directory, "shipping.proto");
        File.WriteAllText(file, """
            syntax = "proto3";
            package shipping;
            import "common.proto";
            message Other { string x = 1; }
            message Charged { common.Money price = 1; }
            """);
        var decoder = new PayloadDecoder(
            new DecodingOptions { Schemas = [new LocalSchemaBinding { Topic = "^ship", File = file, MessageType = "shipping.Charged" }] },
            NoSchemaRegistry.Instance);

        var result = decoder.Decode("shipping", [0x0A, 0x02, 0x08, 0x05], PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.Decoded, result.Decoding.Status);
        Assert.Equal("shipping.Charged", result.Decoding.TypeName);
        Assert.Equal("shipping.proto", result.Decoding.SchemaFile);
        using var json = JsonDocument.Parse(result.Json);
        Assert.Equal("5", json.RootElement.GetProperty("price").GetProperty("cents").GetString());
    }

    [Fact]
    public void Decode_LocalProtoKeyBinding_DecodesKeysOnly()
    {
        var file = Path.Combine(_directory, "key.proto");
        File.WriteAllText(file, "syntax = \"proto3\"; message Key { string id = 1; }");
        var decoder = new PayloadDecoder(
            new DecodingOptions { Schemas = [new LocalSchemaBinding { Topic = ".*", File = file, Role = PayloadRole.Key }] },
            NoSchemaRegistry.Instance);
        byte[] key = [0x0A, 0x01, (byte)'k'];

        var result = decoder.Decode("any", key, PayloadRole.Key);

        Assert.Equal("""{"id":"k"}""", Encoding.UTF8.GetString(result!.Json!));
        Assert.Null(decoder.Decode("any", key, PayloadRole.Value));
    }
}
