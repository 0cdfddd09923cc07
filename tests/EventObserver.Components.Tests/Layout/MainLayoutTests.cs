using Bunit;

using EventObserver.Access;
using EventObserver.Components.Layout;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;
using EventObserver.Features.Status;

using Microsoft.Extensions.DependencyInjection;

using MudBlazor.Services;

namespace EventObserver.Components.Tests.Layout;

public sealed class MainLayoutTests : DashboardTestContext
{
    [Fact]
    public void Layout_EmbeddedBroker_ShowsTheEmbeddedChipAndBanner()
    {
        Ingestion.IsEmbedded = true;

        var layout = Context.Render<MainLayout>();

        Assert.True(layout.Instance.Status.Embedded);
        Assert.Contains("Embedded demo broker", layout.Find("[data-testid=embedded-chip]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(layout.Find("[data-testid=embedded-banner]"));
    }

    [Fact]
    public void Layout_RealCluster_HasNoEmbeddedChip()
    {
        Ingestion.IsEmbedded = false;
        Ingestion.BootstrapServers = "kafka-1:9092";

        var layout = Context.Render<MainLayout>();

        Assert.Empty(layout.FindAll("[data-testid=embedded-chip]"));
        Assert.Empty(layout.FindAll("[data-testid=embedded-banner]"));
    }

    [Fact]
    public void StatusBar_BrokerGoesDown_ShowsUnreachableAfterTheNextRefresh()
    {
        Ingestion.BrokerState = BrokerState.Connected;
        var layout = Context.Render<MainLayout>();
        Assert.Contains("connected", layout.Find("[data-testid=broker-state]").TextContent, StringComparison.Ordinal);

        Ingestion.BrokerState = BrokerState.Unreachable;
        Ingestion.LastError = "Connect to kafka-1:9092 failed";
        Time.Advance(MainLayout.RefreshPeriod);

        layout.WaitForAssertion(() =>
        {
            Assert.False(layout.Instance.Status.Healthy);
            Assert.Contains("unreachable", layout.Find("[data-testid=broker-state]").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void StatusBar_IndexAndIngestion_ShowsCountsLagAndClusterId()
    {
        Indexes.OpenForCluster("cluster-a").Write([Event("orders", 0, 0, Time.GetUtcNow()), Event("orders", 0, 1, Time.GetUtcNow())]);
        Ingestion.SetLag(new Dictionary<string, long> { ["orders"] = 1234 });
        Ingestion.BrokerState = BrokerState.Connected;
        Ingestion.ClusterId = "cluster-a";

        var layout = Context.Render<MainLayout>();

        var status = layout.Instance.Status;
        Assert.Equal(2, status.IndexedEvents);
        Assert.Equal(1234, status.Lag);
        Assert.Contains("1,234", layout.Find("[data-testid=lag]").TextContent, StringComparison.Ordinal);
        Assert.Contains("cluster-a", layout.Find("[data-testid=broker-state]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 events", layout.Find("[data-testid=index]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusBar_IndexSwitchedToAnotherCluster_ShowsTheNotice()
    {
        Indexes.OpenForCluster("old-cluster").Write([Event("orders", 0, 0, Time.GetUtcNow())]);
        Indexes.OpenForCluster("new-cluster");

        var layout = Context.Render<MainLayout>();

        var notice = layout.Instance.Status.IndexSwitch;
        Assert.NotNull(notice);
        Assert.Equal(("old-cluster", "new-cluster"), (notice.PreviousClusterId, notice.NewClusterId));
        var text = layout.Find("[data-testid=index-switch]").TextContent;
        Assert.Contains("old-cluster", text, StringComparison.Ordinal);
        Assert.Contains("new-cluster", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusBar_NoSwitch_HasNoNotice()
    {
        Indexes.OpenForCluster("only-cluster");

        var layout = Context.Render<MainLayout>();

        Assert.Null(layout.Instance.Status.IndexSwitch);
        Assert.Empty(layout.FindAll("[data-testid=index-switch]"));
    }

    [Fact]
    public void StatusBar_IngestionBehindStalledAndGapped_SaysSoWithFigures()
    {
        Ingestion.BrokerState = BrokerState.Connected;
        Indexes.OpenForCluster("cluster-a").Write([], [new RetentionGap("orders", 0, 0, 1_499, Time.GetUtcNow())]);
        Ingestion.SetLag(new Dictionary<string, long> { ["orders"] = 40_000 });
        var since = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromSeconds(31));

        var layout = Context.Render<MainLayout>();

        Assert.Equal($"Behind by 40,000 messages since {since:HH:mm:ss} UTC", layout.Find("[data-testid=behind]").TextContent);
        Assert.StartsWith("Ingestion degraded: ingestion stalled: broker has 40,000 messages", layout.Find("[data-testid=ingestion-degraded]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Retention gaps: 1 · 1,500 messages lost", layout.Find("[data-testid=retention-gaps]").TextContent, StringComparison.Ordinal);
        Assert.False(layout.Instance.Status.Healthy);
    }

    [Fact]
    public void StatusBar_IngestionKeepingUp_ShowsNoBehindOrGapNotice()
    {
        Ingestion.BrokerState = BrokerState.Connected;
        Ingestion.SetLag(new Dictionary<string, long> { ["orders"] = 12 });

        var layout = Context.Render<MainLayout>();

        Assert.Empty(layout.FindAll("[data-testid=behind]"));
        Assert.Empty(layout.FindAll("[data-testid=ingestion-degraded]"));
        Assert.Empty(layout.FindAll("[data-testid=retention-gaps]"));
        Assert.True(layout.Instance.Status.Healthy);
    }

    [Fact]
    public async Task StatusBar_TwoTabsOpen_ShareOneStatusReadPerPeriod()
    {
        Ingestion.BrokerState = BrokerState.Connected;
        var broadcaster = Context.Services.GetRequiredService<SystemStatusBroadcaster>();
        // Another tab is another circuit (its own renderer and services) on the same server singletons.
        await using var otherCircuit = new BunitContext();
        otherCircuit.JSInterop.Mode = JSRuntimeMode.Loose;
        otherCircuit.Services.AddMudServices();
        otherCircuit.Services.AddSingleton<TimeProvider>(Time);
        otherCircuit.Services.AddSingleton(broadcaster);
        otherCircuit.Services.AddSingleton<EventObserver.Access.ICurrentUser>(new TestCurrentUser());
        otherCircuit.Services.AddOptions<EventObserver.Access.Options.AuthOptions>();
        var tabs = new[] { Context.Render<MainLayout>(), otherCircuit.Render<MainLayout>() };
        var readsToOpenBoth = broadcaster.Reads;

        Ingestion.BrokerState = BrokerState.Unreachable;
        Time.Advance(MainLayout.RefreshPeriod);

        foreach (var tab in tabs)
        {
            tab.WaitForAssertion(() => Assert.Contains("unreachable", tab.Find("[data-testid=broker-state]").TextContent, StringComparison.Ordinal));
        }

        Assert.Equal(1, readsToOpenBoth);
        Assert.Equal(2, broadcaster.Reads);
    }

    [Fact]
    public async Task StatusBar_TabClosed_StopsFollowingTheStatus()
    {
        Context.Render<MainLayout>();
        var broadcaster = Context.Services.GetRequiredService<SystemStatusBroadcaster>();
        var whileOpen = broadcaster.Subscribers;

        await Context.DisposeComponentsAsync();
        Time.Advance(MainLayout.RefreshPeriod * 3);

        Assert.Equal(1, whileOpen);
        Assert.Equal(0, broadcaster.Subscribers);
        Assert.Equal(1, broadcaster.Reads);
    }
}
