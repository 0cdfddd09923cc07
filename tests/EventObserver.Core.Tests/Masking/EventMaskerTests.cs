using System.Reflection;
using System.Text;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using static EventObserver.Core.Tests.Masking.MaskingEvents;

namespace EventObserver.Core.Tests.Masking;

public sealed class EventMaskerTests
{
    private const string Card = """{"card":{"number":"4111111111111111","holder":"Ann"}}""";

    [Fact]
    public void TopicWithoutRules_ReturnsTheSameInstanceWithoutAllocating()
    {
        var masker = Masker(Path("$.card.number", topic: "^payments$"));
        var envelope = Json(Card, topic: "orders");
        masker.Mask(envelope); // the topic's (empty) rule choice is cached on first sight

        var same = true;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            same &= ReferenceEquals(envelope, masker.Mask(envelope));
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(same);
        Assert.Equal(0, allocated);
        Assert.False(masker.AppliesTo("orders"));
        Assert.True(masker.AppliesTo("payments"));
        Assert.True(masker.HasRules);
    }

    [Fact]
    public void TopicRegex_IsUnanchoredAndEmptyMeansEveryTopic()
    {
        var masker = Masker(Path("$.a", topic: @"\.secure$"), Path("$.b"));

        Assert.Equal("""{"a":"****","b":"****"}""", PayloadText(masker.Mask(Json("""{"a":1,"b":2}""", topic: "orders.secure"))));
        Assert.Equal("""{"a":1,"b":"****"}""", PayloadText(masker.Mask(Json("""{"a":1,"b":2}""", topic: "orders.plain"))));
    }

    [Fact]
    public void RuleThatMatchedNothingOnThisEvent_ReturnsTheSameInstance()
    {
        var envelope = Json("""{"other":1}""", headers: ("x", "1"));

        Assert.Same(envelope, Masker(Path("$.card"), Header("x-card"), Pattern("4111")).Mask(envelope));
    }

    [Fact]
    public void Hash_SameSalt_SameHashAcrossEventsAndMaskers()
    {
        var first = PayloadText(Masker(Path("$.card.holder", MaskingAction.Hash)).Mask(Json(Card)));
        var second = PayloadText(Masker(Path("$.card.holder", MaskingAction.Hash)).Mask(Json("""{"card":{"holder":"Ann","x":1}}""")));

        Assert.Equal(HolderOf(first), HolderOf(second));
    }

    [Fact]
    public void Hash_OtherSaltOrOtherValue_GivesAnotherHash()
    {
        var rule = Path("$.card.holder", MaskingAction.Hash);
        var salted = HolderOf(PayloadText(Masker(rule).Mask(Json(Card))));
        var otherSalt = HolderOf(PayloadText(Masker("another-salt-0123456789", rule).Mask(Json(Card))));
        var otherValue = HolderOf(PayloadText(Masker(rule).Mask(Json("""{"card":{"holder":"Bob"}}"""))));

        Assert.NotEqual(salted, otherSalt);
        Assert.NotEqual(salted, otherValue);
    }

    [Fact]
    public void Masked_ListsEachRuleThatChangedSomethingInRuleOrder()
    {
        var masker = Masker(Header("x-card"), Path("$.card.number", MaskingAction.KeepLast4), Path("$.none"), Path("$.card.holder", MaskingAction.Remove));

        var masked = masker.Mask(Json(Card, headers: ("x-card", "4111")));

        Assert.Equal(
            [
                new MaskedField(MaskedFieldKind.Header, "x-card", MaskingAction.Mask),
                new MaskedField(MaskedFieldKind.JsonPath, "$.card.number", MaskingAction.KeepLast4),
                new MaskedField(MaskedFieldKind.JsonPath, "$.card.holder", MaskingAction.Remove),
            ],
            masked.Masked);
    }

    [Fact]
    public void MaskingAgain_KeepsWhatWasRemovedBeforeInTheList()
    {
        var masker = Masker(Path("$.card.holder", MaskingAction.Remove), Path("$.card.number"));
        var once = masker.Mask(Json(Card));

        var twice = masker.Mask(once);

        Assert.Equal(once.Masked, twice.Masked);
        Assert.Equal(PayloadText(once), PayloadText(twice));
    }

    [Fact]
    public void MaskedEnvelope_KeepsEveryOtherField()
    {
        var original = Json(Card, headers: [("message-id", "m-1"), ("correlation-id", "c-1"), ("x-card", "4111")]);

        var masked = Masker(Path("$.card.number"), Header("x-card")).Mask(original);

        // JsonPayload is the masked payload's JSON view: it changes with the payload.
        var changed = new[] { nameof(EventEnvelope.Payload), nameof(EventEnvelope.JsonPayload), nameof(EventEnvelope.Headers), nameof(EventEnvelope.Masked) };
        foreach (var property in typeof(EventEnvelope).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !changed.Contains(p.Name)))
        {
            Assert.Equal(property.GetValue(original), property.GetValue(masked));
        }

        Assert.NotEqual(original.Payload, masked.Payload);
        Assert.Empty(original.Masked);
    }

    [Fact]
    public void UnreadableJson_IsReplacedWholeRatherThanPassedOn()
    {
        var broken = new EventEnvelope
        {
            Topic = "payments", Partition = 0, Offset = 1, TimestampMs = 1, MessageId = "m",
            Payload = Encoding.UTF8.GetBytes("{\"card\":{\"number\":\"4111111111111111\""), PayloadFormat = PayloadFormat.Json,
        };

        var masked = Masker(Path("$.card.number")).Mask(broken);

        Assert.Equal("\"****\"", PayloadText(masked));
        Assert.Equal([new MaskedField(MaskedFieldKind.JsonPath, "$", MaskingAction.Mask)], masked.Masked);
    }

    [Fact]
    public void ManyThreadsAtOnce_EachGetsItsOwnCorrectResult()
    {
        var masker = Masker(Path("$.items[*].secret", MaskingAction.Remove), Pattern("s[0-9]+x"));
        var results = new string[64];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var items = string.Join(',', Enumerable.Range(0, i + 1).Select(j => $"{{\"secret\":{j},\"note\":\"s{j}x\"}}"));
            results[i] = PayloadText(masker.Mask(Json("{\"items\":[" + items + "]}")));
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal("{\"items\":[" + string.Join(',', Enumerable.Repeat("{\"note\":\"****\"}", i + 1)) + "]}", results[i]);
        }
    }

    [Fact]
    public void InvalidOptions_ConstructorThrowsNamingTheRule()
    {
        var error = Assert.Throws<ArgumentException>(() => new EventMasker(new MaskingOptions { Rules = [new MaskingRule { Header = "a", JsonPath = "$.b" }] }));

        Assert.Contains("Masking:Rules:0 must set exactly one of JsonPath, Header or Pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoMasking_ReturnsEveryEventAsItIs()
    {
        var envelope = Json(Card);

        Assert.Same(envelope, NoMasking.Instance.Mask(envelope));
        Assert.False(NoMasking.Instance.HasRules);
    }

    private static string HolderOf(string json) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("card").GetProperty("holder").GetString()!;
}
