using Bunit;

using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.Features.Events;
using EventObserver.TestSupport;

using Microsoft.Extensions.DependencyInjection;

using MudBlazor;

namespace EventObserver.Components.Tests.Feed;

/// <summary>The detail page of a schema-encoded event: its JSON view, how it was decoded, and why not when it was not.</summary>
public sealed class DecodedEventDetailTests : DashboardTestContext
{
    private const string Json = """{"orderId":"o-1","amount":"12.50","currency":"EUR"}""";

    [Fact]
    public async Task Detail_DecodedAvro_ShowsTheJsonViewFormatSchemaAndTheRawBytes()
    {
        var page = Render(DecodedEnvelopes.Value(7, Json, DecodedEnvelopes.Avro()));

        var panel = page.Find("[data-testid=decoding-value]");
        Assert.Equal("Avro", panel.QuerySelector("[data-testid=decoding-format]")!.TextContent);
        Assert.Equal("schemas/42", panel.QuerySelector("[data-testid=decoding-schema-link]")!.GetAttribute("href"));
        Assert.Equal("payments-value", panel.QuerySelector("[data-testid=decoding-subject]")!.TextContent);
        Assert.Equal("3", panel.QuerySelector("[data-testid=decoding-version]")!.TextContent);
        Assert.Equal("EventObserver.Demo.Payments.PaymentCaptured", panel.QuerySelector("[data-testid=decoding-type]")!.TextContent);
        Assert.Empty(page.FindAll("[data-testid=decoding-status]"));
        Assert.Empty(page.FindAll("[data-testid=decoding-warning]"));
        Assert.Equal("Avro", page.Find("[data-testid=payload-format]").TextContent);
        Assert.Contains("\"currency\"", page.Find("[data-testid=json-tree]").TextContent, StringComparison.Ordinal);
        await ClickOnRendererAsync(page, "[data-testid=toggle-raw]");
        Assert.StartsWith("00000000  00 00 00 00 2a", page.Find("[data-testid=hex-dump]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_SchemaUnavailable_WarnsWithTheErrorAndShowsTheRawBytes()
    {
        var decoding = DecodedEnvelopes.Avro(DecodeStatus.SchemaUnavailable, "registry timeout");

        var page = Render(DecodedEnvelopes.Value(8, null, decoding));

        Assert.Equal("schema unavailable", page.Find("[data-testid=decoding-status]").TextContent);
        Assert.Equal(
            "Schema 42 unavailable: registry timeout; shown raw; it will be decoded when read after the registry answers.",
            page.Find("[data-testid=decoding-warning]").TextContent.Trim());
        Assert.Contains("Binary payload, 12 bytes", page.Find("[data-testid=payload-summary]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=json-tree]"));
    }

    [Theory]
    [InlineData(DecodeStatus.UnknownSchema, "Schema 42 is unknown to the registry: no such id; shown raw.")]
    [InlineData(DecodeStatus.Corrupt, "The Avro bytes are corrupt: no such id; shown raw.")]
    [InlineData(DecodeStatus.SchemaMismatch, "The bytes do not fit schema 42: no such id; shown raw.")]
    [InlineData(DecodeStatus.InvalidSchema, "Schema 42 cannot be compiled: no such id; shown raw.")]
    public void Detail_OtherFailures_EachSayWhatWentWrong(DecodeStatus status, string warning)
    {
        var page = Render(DecodedEnvelopes.Value(9, null, DecodedEnvelopes.Avro(status, "no such id")));

        Assert.Equal(warning, page.Find("[data-testid=decoding-warning]").TextContent.Trim());
    }

    [Fact]
    public void Detail_ProtobufWithoutSchema_ShowsTheFieldNumberViewAndSaysSo()
    {
        var decoding = new PayloadDecoding { Format = SchemaFormat.Protobuf, Status = DecodeStatus.NoSchema, SchemaId = 5, Error = "schema 5 is unknown" };

        var page = Render(DecodedEnvelopes.Value(10, """{"1":"o-1","2":1250}""", decoding));

        Assert.Contains("shown as field numbers and wire types", page.Find("[data-testid=decoding-warning]").TextContent, StringComparison.Ordinal);
        Assert.Contains("\"2\"", page.Find("[data-testid=json-tree]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_RawBytesWithheldByMasking_SaysSoInsteadOfADump()
    {
        var masked = DecodedEnvelopes.Value(11, """{"orderId":"o-1","card":"****"}""", DecodedEnvelopes.Avro(), raw: RawPayloadWithheld.Marker);

        var page = Render(masked);

        Assert.Contains("Withheld", page.Find("[data-testid=raw-withheld]").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=toggle-raw]").HasAttribute("disabled"));
        Assert.Contains("\"****\"", page.Find("[data-testid=json-tree]").TextContent, StringComparison.Ordinal);
        Assert.Contains("raw bytes withheld by masking", page.Find("[data-testid=envelope-fields]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_DecodedKey_ShowsTheKeysDecodingToo()
    {
        var envelope = DecodedEnvelopes.Value(12, Json, DecodedEnvelopes.Avro());
        var withKey = new EventEnvelope
        {
            Topic = envelope.Topic, Partition = 0, Offset = envelope.Offset, TimestampMs = envelope.TimestampMs,
            Payload = envelope.Payload, PayloadFormat = envelope.PayloadFormat, DecodedPayload = envelope.DecodedPayload, Decoding = envelope.Decoding,
            KeyBytes = [0x00, 0x00, 0x00, 0x00, 0x07, 0x06], Key = "o-1", KeyFormat = KeyFormat.Text,
            KeyDecoding = new PayloadDecoding { Format = SchemaFormat.Protobuf, Status = DecodeStatus.SchemaUnavailable, SchemaId = 7, Error = "registry down" },
            MessageId = envelope.MessageId,
        };

        var page = Render(withKey);

        var key = page.Find("[data-testid=decoding-key]");
        Assert.Equal("Protobuf", key.QuerySelector("[data-testid=decoding-format]")!.TextContent);
        Assert.StartsWith("Key: Schema 7 unavailable: registry down", page.Find("[data-testid=decoding-warning]").TextContent.Trim(), StringComparison.Ordinal);
    }

    private IRenderedComponent<EventDetail> Render(EventEnvelope envelope)
    {
        // The envelope as given, decoded fields included (the real index stores what its chunk format keeps).
        Context.Services.AddSingleton<ICurrentIndex>(new EnvelopeIndex(envelope));
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<EventDetail>(p => p
            .Add(x => x.Topic, envelope.Topic)
            .Add(x => x.Partition, envelope.Partition)
            .Add(x => x.Offset, envelope.Offset));
        page.WaitForState(() => !page.Instance.Loading);
        return page;
    }
}
