using Bunit;

using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Features.Status;
using EventObserver.Kafka.Ingestion;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Components.Tests.Layout;

/// <summary>
/// The index size in the status bar is the index file's, which only grows; LiteDB's log, which fills and empties at
/// every checkpoint, is named apart instead of being added (their sum fell 15.9 MB → 8.8 MB while the count grew).
/// </summary>
public sealed class StatusBarIndexSizeTests : DashboardTestContext
{
    [Fact]
    public void StatusBar_FileAndLog_ShowsTheFileWithTheLogApart()
    {
        var bar = Context.Render<StatusBar>(p => p.Add(b => b.Status, Status(fileBytes: 9_227_468, logBytes: 7_444_889)));

        var index = bar.Find("[data-testid=index]");
        Assert.Equal("Index: 1,336 events · 8.8 MB (+ 7.1 MB log)", index.TextContent.Trim());
        Assert.Equal(
            "On disk: the index file 8.8 MB, plus 7.1 MB of recent writes in its log (folded into the file, and emptied, at each checkpoint)",
            index.GetAttribute("title"));
    }

    [Fact]
    public void StatusBar_EmptyLog_NamesOnlyTheFile()
    {
        var bar = Context.Render<StatusBar>(p => p.Add(b => b.Status, Status(fileBytes: 1_900_544, logBytes: 0)));

        Assert.Equal("Index: 1,336 events · 1.8 MB", bar.Find("[data-testid=index]").TextContent.Trim());
        Assert.Equal("On disk: the index file 1.8 MB", bar.Find("[data-testid=index]").GetAttribute("title"));
    }

    [Fact]
    public void StatusQueries_RealIndex_ReportsTheFileAndTheLogApart()
    {
        var index = Indexes.OpenForCluster("c1");
        index.Write([.. Enumerable.Range(0, 20).Select(i => Event("orders", 0, i, Time.GetUtcNow()))]);
        Time.Advance(TimeSpan.FromSeconds(1));

        var status = Context.Services.GetRequiredService<StatusQueries>().Read();

        var statistics = index.GetStatistics();
        Assert.True(statistics.FileSizeBytes > 0, "the file has a size");
        Assert.Equal(statistics.FileSizeBytes, status.IndexSizeBytes);
        Assert.Equal(statistics.LogSizeBytes, status.IndexLogBytes);
    }

    private static SystemStatus Status(long fileBytes, long logBytes) => new()
    {
        BrokerState = BrokerState.Connected,
        Embedded = true,
        BootstrapServers = "localhost:9092",
        Lag = 0,
        EventsPerSec = 0,
        IndexedEvents = 1_336,
        IndexSizeBytes = fileBytes,
        IndexLogBytes = logBytes,
        TopicCounts = new Dictionary<string, long>(StringComparer.Ordinal),
    };
}
