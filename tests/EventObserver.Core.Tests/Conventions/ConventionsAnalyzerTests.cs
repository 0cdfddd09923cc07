using EventObserver.Core.Conventions;
using EventObserver.Core.Envelopes;

using static EventObserver.Core.Tests.Conventions.ConventionEnvelopes;

namespace EventObserver.Core.Tests.Conventions;

public sealed class ConventionsAnalyzerTests
{
    [Fact]
    public void Build_WellBehavedConversation_FlagsNothingAndCountsOneStart()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.AddRange(
        [
            Message("PlaceOrder", MessageKind.Command, causation: null, offset: 0),
            Message("OrderPlaced", MessageKind.Event, offset: 1),
            Message("ReserveStock", MessageKind.Command, offset: 2),
        ]);
        var report = analyzer.Build();

        var source = Assert.Single(report.Sources);
        Assert.Equal(("order-service", false, 3L, 1L, 2L, 1L, 0L), (source.Source, source.IsTopic, source.Checked, source.Events, source.Commands, source.ConversationStarts, source.Flagged));
        Assert.Equal(Enum.GetValues<ConventionRule>(), source.Findings.Select(f => f.Rule));
        Assert.All(source.Findings, f => Assert.Equal(0, f.Count));
        Assert.Equal((3L, 0L), (report.Checked, report.Flagged));
    }

    [Fact]
    public void Add_EventNotInPastTense_IsFlaggedWhateverDecidedItsKind()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message("UpdateStock", MessageKind.Event, offset: 0));
        analyzer.Add(Message("UpdateStock", MessageKind.Event, offset: 1));
        analyzer.Add(Message("OrderEvent", MessageKind.Event, offset: 2));
        analyzer.Add(Message("OrderPlaced", MessageKind.Event, offset: 3));
        var finding = Assert.Single(analyzer.Build().Sources).Finding(ConventionRule.EventNotPastTense);

        Assert.Equal(3, finding.Count);
        Assert.Equal(2, finding.DistinctTypes);
        Assert.Equal(
            [new ConventionTypeCount("UpdateStock", 2, MessageKind.Command), new ConventionTypeCount("OrderEvent", 1, MessageKind.Message)],
            finding.Types);
    }

    [Fact]
    public void Add_CommandNotImperative_IsFlaggedWithWhatItReadsAs()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message("InventoryRecount", MessageKind.Command, topic: "inventory.commands"));
        analyzer.Add(Message("StockReserved", MessageKind.Command, topic: "inventory.commands", offset: 1));
        analyzer.Add(Message("ReserveStock", MessageKind.Command, topic: "inventory.commands", offset: 2));
        var source = Assert.Single(analyzer.Build().Sources);

        var finding = source.Finding(ConventionRule.CommandNotImperative);
        Assert.Equal(2, finding.Count);
        Assert.Equal(
            [new ConventionTypeCount("InventoryRecount", 1, MessageKind.Message), new ConventionTypeCount("StockReserved", 1, MessageKind.Event)],
            finding.Types);
        Assert.Equal(0, source.Finding(ConventionRule.EventNotPastTense).Count);
    }

    [Theory]
    [InlineData("v2.OrderPlaced")]
    [InlineData("order_placed")]
    [InlineData("ORDER-PLACED")]
    [InlineData("com.shop.order.placed")]
    public void Add_PastTenseEventInOddSpelling_IsNotFlagged(string type)
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message(type, MessageKind.Event));

        Assert.Equal(0, analyzer.Build().Flagged);
    }

    [Fact]
    public void Add_PlainMessages_AreNotJudgedByTheirNames()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message("InventorySnapshot", MessageKind.Message));
        analyzer.Add(Message("GetOrder", MessageKind.Message, offset: 1));

        Assert.Equal(0, analyzer.Build().Flagged);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Add_NoType_IsMissingTypeAndNotANamingViolation(string? type)
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message(type, MessageKind.Event));
        var source = Assert.Single(analyzer.Build().Sources);

        var finding = source.Finding(ConventionRule.MissingType);
        Assert.Equal(1, finding.Count);
        Assert.Equal([new ConventionTypeCount(null, 1, null)], finding.Types);
        Assert.Null(Assert.Single(finding.Examples).Type);
        Assert.Equal(0, source.Finding(ConventionRule.EventNotPastTense).Count);
    }

    [Fact]
    public void Add_NoCorrelation_IsCountedOnlyAsMissingCorrelation()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message("OrderPlaced", MessageKind.Event, correlation: null, causation: null));
        analyzer.Add(Message("OrderPlaced", MessageKind.Event, correlation: "", causation: "x", offset: 1));
        var source = Assert.Single(analyzer.Build().Sources);

        Assert.Equal(2, source.Finding(ConventionRule.MissingCorrelationId).Count);
        Assert.Equal(0, source.Finding(ConventionRule.MissingCausationId).Count);
        Assert.Equal(0, source.ConversationStarts);
        Assert.Equal(2, source.Flagged);
    }

    [Fact]
    public void Add_NoCausationAfterTheFirstOfItsCorrelation_IsFlaggedTheFirstIsAStart()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message("PlaceOrder", MessageKind.Command, correlation: "c-1", causation: null, offset: 0));
        analyzer.Add(Message("OrderShipped", MessageKind.Event, correlation: "c-1", causation: null, offset: 1));
        analyzer.Add(Message("PlaceOrder", MessageKind.Command, correlation: "c-2", causation: null, offset: 2));
        var source = Assert.Single(analyzer.Build().Sources);

        Assert.Equal(2, source.ConversationStarts);
        var finding = source.Finding(ConventionRule.MissingCausationId);
        Assert.Equal(1, finding.Count);
        Assert.Equal("orders.events/0/1", Assert.Single(finding.Examples).Id);
    }

    [Fact]
    public void Add_MessageWhoseIdIsItsCorrelation_StartsTheConversationEvenWhenNotFirst()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message("OrderPlaced", MessageKind.Event, correlation: "m-1", causation: "m-0", offset: 0));
        analyzer.Add(Message("PlaceOrder", MessageKind.Command, correlation: "m-1", causation: null, messageId: "m-1", offset: 1));
        var source = Assert.Single(analyzer.Build().Sources);

        Assert.Equal((1L, 0L), (source.ConversationStarts, source.Finding(ConventionRule.MissingCausationId).Count));
    }

    [Fact]
    public void Add_OneMessageBreakingSeveralRules_CountsOnceAsFlaggedAndOncePerRule()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message("UpdateStock", MessageKind.Event, correlation: null, causation: null));
        var source = Assert.Single(analyzer.Build().Sources);

        Assert.Equal(1, source.Flagged);
        Assert.Equal(1, source.Finding(ConventionRule.EventNotPastTense).Count);
        Assert.Equal(1, source.Finding(ConventionRule.MissingCorrelationId).Count);
    }

    [Fact]
    public void Build_MessagesWithoutSource_AreGroupedByTopicAndSortedMostFlaggedFirst()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message("OrderPlaced", MessageKind.Event, source: "order-service", topic: "orders.events"));
        analyzer.Add(Message("OrderPlaced", MessageKind.Event, source: "order-service", topic: "orders.archive"));
        analyzer.Add(Message(null, MessageKind.Message, source: null, topic: "audit.log", correlation: null));
        analyzer.Add(Message(null, MessageKind.Message, source: " ", topic: "audit.log", correlation: null, offset: 1));
        analyzer.Add(Message("OrderPlaced", MessageKind.Event, source: null, topic: "order-service"));
        var report = analyzer.Build();

        Assert.Equal(
            [("audit.log", true, 2L, 2L), ("order-service", false, 2L, 0L), ("order-service", true, 1L, 0L)],
            report.Sources.Select(s => (s.Source, s.IsTopic, s.Checked, s.Flagged)));
        Assert.Equal(["orders.archive", "orders.events"], report.Sources[1].Topics);
        Assert.Equal(2, report.Count(ConventionRule.MissingType));
    }

    [Fact]
    public void Build_ManyViolations_KeepsAFewExamplesNewestFirstOneTypeEachBeforeRepeats()
    {
        var analyzer = new ConventionsAnalyzer(maxExamples: 3, maxTypes: 2);

        for (var i = 0; i < 100; i++)
        {
            analyzer.Add(Message("UpdateStock", MessageKind.Event, offset: i));
        }

        analyzer.Add(Message("StockLevel", MessageKind.Event, offset: 100));
        analyzer.Add(Message("Inventory", MessageKind.Event, offset: 101));
        var finding = Assert.Single(analyzer.Build().Sources).Finding(ConventionRule.EventNotPastTense);

        Assert.Equal(102, finding.Count);
        Assert.Equal(3, finding.DistinctTypes);
        Assert.Equal(["UpdateStock", "Inventory"], finding.Types.Select(t => t.Type));
        Assert.Equal(["orders.events/0/101", "orders.events/0/100", "orders.events/0/99"], finding.Examples.Select(e => e.Id));
    }

    [Fact]
    public void Build_OneTypeOnly_FillsExamplesWithItsNewestMessages()
    {
        var analyzer = new ConventionsAnalyzer(maxExamples: 3);

        for (var i = 0; i < 10; i++)
        {
            analyzer.Add(Message("UpdateStock", MessageKind.Event, offset: i));
        }

        var finding = Assert.Single(analyzer.Build().Sources).Finding(ConventionRule.EventNotPastTense);

        Assert.Equal(["orders.events/0/9", "orders.events/0/8", "orders.events/0/7"], finding.Examples.Select(e => e.Id));
        Assert.Equal(ConventionsAnalyzerTestsTime(9), finding.Examples[0].Timestamp);
    }

    [Fact]
    public void Add_Tombstones_AreCountedButNotChecked()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message(null, MessageKind.Message, correlation: null, format: PayloadFormat.Tombstone));
        var report = analyzer.Build();

        Assert.Equal((0L, 1L, 0L), (report.Checked, report.Tombstones, report.Flagged));
        Assert.Empty(report.Sources);
        Assert.Equal(ConventionsAnalyzerTestsTime(0), report.First);
    }

    [Fact]
    public void Add_BinaryPayload_IsJudgedByItsMetadataOnly()
    {
        var analyzer = new ConventionsAnalyzer();

        analyzer.Add(Message("OrderPlaced", MessageKind.Event, format: PayloadFormat.Binary, payload: [0x00, 0xff, 0xfe]));
        analyzer.Add(Message("OrderPlaced", MessageKind.Event, format: PayloadFormat.Empty, payload: [], offset: 1));

        Assert.Equal((2L, 0L), (analyzer.Build().Checked, analyzer.Build().Flagged));
    }

    [Fact]
    public void Build_Nothing_IsEmpty()
    {
        var report = new ConventionsAnalyzer().Build();

        Assert.Equal((0L, 0L, 0L, null, null), (report.Checked, report.Flagged, report.Tombstones, report.First, report.Last));
        Assert.Empty(report.Sources);
    }

    [Fact]
    public void Add_RandomTypesBeyondTheTrackingLimit_StillCountsEveryMessage()
    {
        var analyzer = new ConventionsAnalyzer();

        for (var i = 0; i < FindingTally.MaxTrackedTypes + 50; i++)
        {
            analyzer.Add(Message($"Thing{i}", MessageKind.Event, offset: i));
        }

        var finding = Assert.Single(analyzer.Build().Sources).Finding(ConventionRule.EventNotPastTense);
        Assert.Equal(FindingTally.MaxTrackedTypes + 50, finding.Count);
        Assert.Equal(FindingTally.MaxTrackedTypes, finding.DistinctTypes);
        Assert.Equal(ConventionsAnalyzer.DefaultMaxTypes, finding.Types.Count);
    }

    [Fact]
    public void Add_MoreSourcesThanTheLimit_AreFoldedIntoOtherSources()
    {
        var analyzer = new ConventionsAnalyzer();

        for (var i = 0; i < ConventionsAnalyzer.MaxSources + 10; i++)
        {
            analyzer.Add(Message("OrderPlaced", MessageKind.Event, source: $"svc-{i}", offset: i));
        }

        var report = analyzer.Build();
        Assert.Equal(ConventionsAnalyzer.MaxSources + 1, report.Sources.Count);
        Assert.Equal(10, report.Sources.Single(s => s.Source == ConventionsAnalyzer.OtherSources).Checked);
    }

    [Fact]
    public void Constructor_NonPositiveLimits_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConventionsAnalyzer(maxExamples: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConventionsAnalyzer(maxTypes: -1));
    }

    private static DateTimeOffset ConventionsAnalyzerTestsTime(long offset) => DateTimeOffset.FromUnixTimeMilliseconds(BaseMs + offset);
}
