using System.Text.Json;
using Avro;
using Avro.Generic;
using Avro.IO;
using EventObserver.Core.Decoding;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding.Schemas;

/// <summary>Decoding real Avro datums: needs the Avro decoder (a stub on the orchestrator branch until the merge).</summary>
public sealed class PayloadDecoderAvroPathTests : IDisposable
{
    private const string SchemaText = """
        {"type":"record","name":"PaymentCaptured","namespace":"EventObserver.Demo.Payments","fields":[
          {"name":"note","type":["null","string"]},
          {"name":"orderId","type":"string"},
          {"name":"amount","type":"long"}]}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("eo-avro-").FullName;
    private readonly FakeSchemaRegistry _registry = new FakeSchemaRegistry().Add(11, SchemaFormat.Avro, SchemaText, subject: "payments-value", version: 4);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Decode_FramedAvro_IsItsJsonViewWithTypeName()
    {
        var decoder = new PayloadDecoder(new DecodingOptions(), _registry);

        var result = decoder.Decode("payments", Frames.Of(11, Datum("o-1", 1250)), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.Decoded, result.Decoding.Status);
        Assert.Equal(SchemaFormat.Avro, result.Decoding.Format);
        Assert.Equal("EventObserver.Demo.Payments.PaymentCaptured", result.Decoding.TypeName);
        Assert.Equal("payments-value", result.Decoding.Subject);
        using var json = JsonDocument.Parse(result.Json);
        Assert.Equal("o-1", json.RootElement.GetProperty("orderId").GetString());
        Assert.Equal(1250, json.RootElement.GetProperty("amount").GetInt64());
    }

    [Fact]
    public void Decode_FramedAvroWithTrailingBytes_IsSchemaMismatch()
    {
        var decoder = new PayloadDecoder(new DecodingOptions(), _registry);

        var result = decoder.Decode("payments", Frames.Of(11, [.. Datum("o-1", 1), 0x01, 0x02]), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.SchemaMismatch, result.Decoding.Status);
        Assert.Null(result.Json);
    }

    [Fact]
    public void Decode_EnvelopeFromAvro_TypeAndMappingsFromTheDecodedView()
    {
        var decoder = new EnvelopeDecoder(
            new LineageOptions { Mappings = [new LineageMapping { Field = LineageField.CorrelationId, JsonPath = "$.orderId" }] },
            new PayloadDecoder(new DecodingOptions(), _registry));

        var envelope = decoder.Decode(Records.Create(Frames.Of(11, Datum("o-7", 5)), topic: "payments"));

        Assert.Equal("PaymentCaptured", envelope.MessageType);
        Assert.Equal(MessageKind.Event, envelope.Kind);
        Assert.Equal("o-7", envelope.CorrelationId);
        Assert.Equal(PayloadFormat.Binary, envelope.PayloadFormat);
    }

    [Fact]
    public void Decode_LocalAvscBinding_DecodesUnframedDatumsEvenWhenTheyStartWithZero()
    {
        var file = Path.Combine(_directory, "payment.avsc");
        File.WriteAllText(file, SchemaText);
        var decoder = new PayloadDecoder(
            new DecodingOptions { Schemas = [new LocalSchemaBinding { Topic = "^payments$", File = file }] },
            NoSchemaRegistry.Instance);
        var datum = Datum("o-1", 3);

        var result = decoder.Decode("payments", datum, PayloadRole.Value);

        Assert.Equal(0x00, datum[0]);
        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.Decoded, result.Decoding.Status);
        Assert.Equal("payment.avsc", result.Decoding.SchemaFile);
        Assert.Null(result.Decoding.SchemaId);
        Assert.Null(decoder.Decode("orders", datum, PayloadRole.Value)?.Json);
    }

    [Fact]
    public void Validate_InvalidAvscFile_NamesTheEntry()
    {
        var file = Path.Combine(_directory, "broken.avsc");
        File.WriteAllText(file, "{\"type\":\"record\"");

        var failure = Assert.Single(PayloadDecoder.Validate(new DecodingOptions { Schemas = [new LocalSchemaBinding { Topic = "x", File = file }] }));

        Assert.StartsWith("EventObserver:Decoding:Schemas:0:File: 'broken.avsc' cannot be used:", failure, StringComparison.Ordinal);
    }

    private static byte[] Datum(string orderId, long amount)
    {
        var schema = (RecordSchema)Schema.Parse(SchemaText);
        var record = new GenericRecord(schema);
        record.Add("note", null);
        record.Add("orderId", orderId);
        record.Add("amount", amount);
        using var stream = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(schema).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }
}
