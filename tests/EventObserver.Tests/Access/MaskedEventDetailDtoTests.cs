using System.Text.Json;
using System.Text.Json.Serialization;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using EventObserver.Features.Events;

namespace EventObserver.Tests.Access;

public sealed class MaskedEventDetailDtoTests
{
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void ToDetail_MaskedEvent_ListsWhatWasMaskedAndRemoved()
    {
        var masker = new EventMasker(new MaskingOptions
        {
            Rules =
            [
                new MaskingRule { JsonPath = "$.card.number", Action = MaskingAction.KeepLast4 },
                new MaskingRule { JsonPath = "$.card.cvv", Action = MaskingAction.Remove },
            ],
        });
        var masked = masker.Mask(new EventEnvelope
        {
            Topic = "payments",
            Partition = 0,
            Offset = 3,
            TimestampMs = 0,
            MessageId = "m-3",
            Payload = """{"card":{"number":"4111111111111111","cvv":"123"}}"""u8.ToArray(),
            PayloadFormat = PayloadFormat.Json,
        });

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(EventDtoMapper.ToDetail(masked), Api));

        var root = json.RootElement;
        Assert.Equal("""{"card":{"number":"****1111"}}""", root.GetProperty("payload").GetRawText());
        Assert.Equal(
            """[{"kind":"JsonPath","target":"$.card.number","action":"KeepLast4"},{"kind":"JsonPath","target":"$.card.cvv","action":"Remove"}]""",
            root.GetProperty("masked").GetRawText());
    }

    [Fact]
    public void ToDetail_UnmaskedEvent_HasAnEmptyMaskedList()
    {
        var detail = EventDtoMapper.ToDetail(new EventEnvelope { Topic = "t", Partition = 0, Offset = 0, TimestampMs = 0, MessageId = "m" });

        Assert.Empty(detail.Masked);
    }
}
