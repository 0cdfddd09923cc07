using Bunit;

using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Indexing;
using EventObserver.Features.Status;
using EventObserver.Kafka.Ingestion;

namespace EventObserver.Components.Tests.Layout;

public sealed class StatusBarRebuildTests : DashboardTestContext
{
    private static readonly DateTimeOffset Started = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StatusBar_RebuildRunning_ShowsPercentOfTopics()
    {
        var progress = new RebuildProgress(42, 3, 7, 1_000, 420, false, Started, null);

        var bar = Context.Render<StatusBar>(p => p.Add(b => b.Status, Status(progress)));

        var item = bar.Find("[data-testid=rebuild]");
        Assert.Equal("rebuilding: 42 % of 3 topics", item.TextContent.Trim());
        Assert.Contains("420 of 1,000 offsets in 7 partitions", item.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void StatusBar_RebuildWaitingForWatermarks_SaysStarting()
    {
        var bar = Context.Render<StatusBar>(p => p.Add(b => b.Status, Status(new RebuildProgress(0, 0, 0, 0, 0, false, Started, null))));

        Assert.Equal("rebuilding: starting", bar.Find("[data-testid=rebuild]").TextContent.Trim());
    }

    [Fact]
    public void StatusBar_RebuildFinished_ShowsNoRebuildItem()
    {
        var done = new RebuildProgress(100, 1, 1, 10, 10, true, Started, Started.AddSeconds(3));

        var bar = Context.Render<StatusBar>(p => p.Add(b => b.Status, Status(done)));

        Assert.Empty(bar.FindAll("[data-testid=rebuild]"));
    }

    [Fact]
    public void StatusBar_CorruptIndexNotice_ShowsItsMessage()
    {
        const string reason = "The index file /data/eo.db could not be read (the file is cut short); moved to archive/eo-corrupt-1.db; rebuilding from Kafka";
        var status = Status(null) with { IndexSwitch = new IndexSwitchNotice("corrupt", "c1", "/data/archive/eo-corrupt-1.db", Started, reason) };

        var bar = Context.Render<StatusBar>(p => p.Add(b => b.Status, status));

        Assert.StartsWith(reason + " (", bar.Find("[data-testid=index-switch]").TextContent.Trim(), StringComparison.Ordinal);
    }

    private static SystemStatus Status(RebuildProgress? rebuild) => new()
    {
        BrokerState = BrokerState.Connected,
        Embedded = false,
        BootstrapServers = "localhost:9092",
        Lag = 0,
        EventsPerSec = 0,
        IndexedEvents = 420,
        IndexSizeBytes = 8192,
        TopicCounts = new Dictionary<string, long>(StringComparer.Ordinal),
        Rebuild = rebuild,
    };
}
