using System.Text;

using EventObserver.Access;
using EventObserver.Core.Access;
using EventObserver.Core.Decoding;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;
using EventObserver.Core.Masking;
using EventObserver.Shared;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Tests.Access;

/// <summary>
/// An event indexed while the registry was down is decoded when it is read after the registry answers, on every index
/// read (through <see cref="IndexReads"/> and its <see cref="Enforcement.AccessView"/>), and masked after re-decoding.
/// Needs <see cref="EnvelopeDecoder.Redecode"/> (the decoding branch's); with the skeleton's stub these fail.
/// </summary>
public sealed class RedecodeOnReadTests
{
    private static readonly UserAccess MaskedViewer = new("viewer", isAuthenticated: true, [AccessRoles.Viewer], AllTopics.Instance, seesRawValues: false);

    private readonly FakeSchemaRegistry _registry = new() { Down = "registry timeout" };
    private readonly EnvelopeDecoder _decoder;

    public RedecodeOnReadTests()
    {
        _registry.Add(new RegisteredSchema { Id = 42, Format = SchemaFormat.Json, Text = "{}", Subject = "payments-value", Version = 1 });
        _decoder = new EnvelopeDecoder(new LineageOptions(), new FramedJsonDecoder(_registry));
    }

    [Fact]
    public async Task Get_RegistryStillDown_ShowsTheEventAsIndexed()
    {
        var reads = Reads(NoMasking.Instance, out var stored);

        var read = await reads.RunAsync(MaskedViewer, index => index.Get("payments", 0, 5), CancellationToken.None);

        Assert.Equal(DecodeStatus.SchemaUnavailable, read.Value!.Decoding!.Status);
        Assert.Null(read.Value.DecodedPayload);
        Assert.Equal(stored.Payload, read.Value.Payload);
    }

    [Fact]
    public async Task Get_RegistryBack_DecodesTheEventWhenRead()
    {
        var reads = Reads(NoMasking.Instance, out var stored);
        _registry.Down = null;

        var read = await reads.RunAsync(MaskedViewer, index => index.Get("payments", 0, 5), CancellationToken.None);

        Assert.Equal(DecodeStatus.Decoded, read.Value!.Decoding!.Status);
        Assert.Equal("payments-value", read.Value.Decoding.Subject);
        Assert.Equal("""{"orderId":"o-1","card":"4111111111111111"}""", Encoding.UTF8.GetString(read.Value.JsonPayload!));
        Assert.Equal(stored.Payload, read.Value.Payload);
    }

    [Fact]
    public async Task Query_RegistryBack_MasksTheReDecodedJson()
    {
        var masker = new EventMasker(new MaskingOptions { Rules = [new MaskingRule { JsonPath = "$.card", Action = MaskingAction.KeepLast4 }] });
        var reads = Reads(masker, out _);
        _registry.Down = null;

        var read = await reads.RunAsync(MaskedViewer, index => index.Query(new Core.Selection.EventSelection()), CancellationToken.None);

        var shown = Assert.Single(read.Value!);
        Assert.Equal("""{"orderId":"o-1","card":"****1111"}""", Encoding.UTF8.GetString(shown.JsonPayload!));
        Assert.True(RawPayloadWithheld.Is(shown));
    }

    private IndexReads Reads(IEventMasker masker, out EventEnvelope stored)
    {
        // As ingestion indexed it while the registry was down: raw frame, no JSON view, the status.
        stored = new EventEnvelope
        {
            Topic = "payments",
            Partition = 0,
            Offset = 5,
            TimestampMs = 1_700_000_000_000,
            Payload = [0x00, 0x00, 0x00, 0x00, 0x2a, .. """{"orderId":"o-1","card":"4111111111111111"}"""u8.ToArray()],
            PayloadFormat = PayloadFormat.Binary,
            Decoding = new PayloadDecoding { Format = SchemaFormat.Json, Status = DecodeStatus.SchemaUnavailable, SchemaId = 42, Error = "registry timeout" },
            MessageId = "payments/0/5",
            MessageIdDerived = true,
        };
        return new IndexReads(new EnvelopeIndex(stored), NullLogger<IndexReads>.Instance, masker, _decoder);
    }

    /// <summary>Confluent-framed JSON (magic byte, 4-byte id, JSON): decoded when the registry knows the id.</summary>
    private sealed class FramedJsonDecoder(ISchemaRegistry registry) : IPayloadDecoder
    {
        public DecodedPayload? Decode(string topic, byte[] bytes, PayloadRole role)
        {
            if (bytes.Length < 5 || bytes[0] != 0)
            {
                return null;
            }

            var id = (bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4];
            var lookup = registry.Lookup(id);
            return lookup.Schema is { } schema
                ? new DecodedPayload(bytes[5..], new PayloadDecoding { Format = schema.Format, SchemaId = id, Subject = schema.Subject, Version = schema.Version })
                : new DecodedPayload(null, new PayloadDecoding { Format = SchemaFormat.Json, Status = lookup.Status, SchemaId = id, Error = lookup.Reason });
        }
    }
}
