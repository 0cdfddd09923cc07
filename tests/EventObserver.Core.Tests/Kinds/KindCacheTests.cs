using EventObserver.Core.Envelopes;
using EventObserver.Core.Kinds;

namespace EventObserver.Core.Tests.Kinds;

public sealed class KindCacheTests
{
    [Theory]
    [MemberData(nameof(MessageKindClassifierTests.RealWorldTypeNames), MemberType = typeof(MessageKindClassifierTests))]
    public void Classify_CachedTwice_MatchesClassifier(string typeName, MessageKind expected)
    {
        var cache = new KindCache();

        var first = cache.Classify(typeName, "shop", null);
        var second = cache.Classify(typeName, "shop", null);

        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
    }

    [Fact]
    public void Classify_SameTypeOnDifferentTopicsAndHints_StillUsesTopicAndHint()
    {
        var cache = new KindCache();

        Assert.Equal(MessageKind.Event, cache.Classify("OrderPlaced", "orders", null));
        Assert.Equal(MessageKind.Command, cache.Classify("OrderPlaced", "orders.commands", null));
        Assert.Equal(MessageKind.Command, cache.Classify("OrderPlaced", "orders", "command"));
        Assert.Equal(MessageKind.Message, cache.Classify(null, "orders", null));
    }

    [Fact]
    public void Classify_MoreDistinctTypesThanCapacity_KeepsAnsweringCorrectly()
    {
        var cache = new KindCache();

        for (var i = 0; i < 10_000; i++)
        {
            Assert.Equal(MessageKind.Event, cache.Classify($"Order{i}Placed", "orders", null));
        }
    }
}
