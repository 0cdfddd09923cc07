using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Lineage;

public sealed class HeaderConventionsTests
{
    [Fact]
    public void BuiltIn_EachHeaderFillsEachSlotOnce()
    {
        var duplicates = HeaderConventions.BuiltIn
            .GroupBy(r => (Name: r.Header.ToUpperInvariant(), r.Slot))
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.Name)
            .ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void BuiltIn_TiersAreInPriorityOrder()
    {
        var tiers = HeaderConventions.BuiltIn.Select(r => (int)r.Tier).ToList();

        Assert.Equal(tiers.Order(), tiers);
    }

    [Theory]
    [InlineData("ce_id")]
    [InlineData("NServiceBus.RelatedTo")]
    [InlineData("axon-metadata-traceId")]
    [InlineData("eventuous.causation-id")]
    [InlineData("kafka_dlt-original-offset")]
    [InlineData("__connect.errors.topic")]
    [InlineData("x-correlation-id")]
    [InlineData("traceparent")]
    public void RuleSet_KnownHeaderInAnyCase_IsFound(string header)
    {
        var rules = new HeaderRuleSet([]);

        Assert.True(rules.TryGetRules(header.ToUpperInvariant(), out _));
        Assert.True(rules.TryGetRules(header, out _));
    }

    [Fact]
    public void RuleSet_UnknownHeader_IsNotFound()
    {
        Assert.False(new HeaderRuleSet([]).TryGetRules("x-tenant", out _));
    }
}
