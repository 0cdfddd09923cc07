using Bunit;

using EventObserver.Components.Layout;
using EventObserver.Components.Shared;
using EventObserver.Components.Tests.Infrastructure;

namespace EventObserver.Components.Tests.Layout;

/// <summary>The status bar's ingest rate and index size, from the ingestion meter and the index file.</summary>
public sealed class StatusBarFiguresTests : DashboardTestContext
{
    [Fact]
    public void StatusBar_IngestRateAndIndexFile_ShowEventsPerSecondAndSize()
    {
        Indexes.OpenForCluster("cluster-a").Write([.. Enumerable.Range(0, 50).Select(i => Event("orders", 0, i, Time.GetUtcNow()))]);
        // 12,340 events in one second, averaged over the meter's 10 s window once that second is over.
        Ingestion.Rates.Record("orders", 12_340);
        Time.Advance(TimeSpan.FromSeconds(1));

        var layout = Context.Render<MainLayout>();

        var status = layout.Instance.Status;
        Assert.Equal(1_234, status.EventsPerSec);
        Assert.True(status.IndexSizeBytes > 0, "the index file has a size");
        Assert.Equal("1,234 events/s", layout.Find("[data-testid=rate]").TextContent.Trim());
        Assert.StartsWith($"Index: 50 events · {DisplayFormat.Bytes(status.IndexSizeBytes)}", layout.Find("[data-testid=index]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void StatusBar_RateChanges_ShowsTheNewRateAfterTheNextRefresh()
    {
        var layout = Context.Render<MainLayout>();
        Assert.Equal("0 events/s", layout.Find("[data-testid=rate]").TextContent.Trim());

        Ingestion.Rates.Record("orders", 55);
        Time.Advance(MainLayout.RefreshPeriod + TimeSpan.FromSeconds(1));

        layout.WaitForAssertion(() => Assert.Equal("5.5 events/s", layout.Find("[data-testid=rate]").TextContent.Trim()));
    }
}
