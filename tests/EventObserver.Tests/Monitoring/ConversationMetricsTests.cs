using EventObserver.Core.Conversations;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Monitoring;
using EventObserver.Tests.Infrastructure;
using EventObserver.Tests.Telemetry;
using EventObserver.TestSupport;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventObserver.Tests.Monitoring;

/// <summary>The real app: batches handed to its committed-batch observers become per-process gauges in <c>/metrics</c>.</summary>
public sealed class ConversationMetricsTests
{
    [Fact]
    public async Task Scrape_AfterStuckConversations_ShowsOpenAndStuckPerProcess()
    {
        using var app = new SeededAppFactory(b => b
            .UseSetting("EventObserver:Monitoring:CheckInterval", "00:00:00.100")
            .UseSetting("EventObserver:Monitoring:InferProcesses", "false")
            .UseSetting("EventObserver:Monitoring:Processes:0:Name", "Orders")
            .UseSetting("EventObserver:Monitoring:Processes:0:Start", "OrderPlaced")
            .UseSetting("EventObserver:Monitoring:Processes:0:Done:0", "OrderShipped")
            .UseSetting("EventObserver:Monitoring:Processes:0:Within", "00:05:00"));
        using var client = app.CreateClient();
        var now = DateTimeOffset.UtcNow;
        List<EventEnvelope> batch =
        [
            MonitorHarness.Event(0, correlation: "late-1", at: now.AddMinutes(-20)),
            MonitorHarness.Event(1, correlation: "late-2", at: now.AddMinutes(-20)),
            MonitorHarness.Event(2, correlation: "fresh", at: now.AddSeconds(-5)),
        ];

        // What the index writer does after committing a batch.
        app.OpenIndex().Write(batch);
        foreach (var observer in app.Services.GetServices<ICommittedBatchObserver>())
        {
            observer.OnCommitted(batch);
        }

        var scrape = await Eventually.MatchAsync(
            () => PrometheusScrape.Parse(client.GetStringAsync("/metrics").GetAwaiter().GetResult()),
            s => s.Sum("eventobserver_conversations_stuck", "process=\"Orders\"") == 2,
            "two stuck Orders conversations in /metrics");

        Assert.Equal(1, scrape.Sum("eventobserver_conversations_open", "process=\"Orders\""));
        Assert.Contains("eventobserver_conversations_completed_total", scrape.Names);
        Assert.Contains("eventobserver_conversations_failed_total", scrape.Names);
        Assert.Contains("eventobserver_conversations_overflowed_total", scrape.Names);
    }

    [Fact]
    public void AddConversationMonitoring_Disabled_NoObserverNoTimerButTheViewAnswersEmpty()
    {
        using var app = new SeededAppFactory(b => b.UseSetting("EventObserver:Monitoring:Enabled", "false"));

        var observers = app.Services.GetServices<ICommittedBatchObserver>();
        var hosted = app.Services.GetServices<IHostedService>();
        var overview = app.Services.GetRequiredService<IConversationView>().Overview(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        Assert.DoesNotContain(observers, o => o is ConversationFeed);
        Assert.DoesNotContain(hosted, h => h is ConversationMonitorService);
        Assert.Empty(overview.Processes);
        Assert.Equal(0, overview.Tracked);
    }

    [Fact]
    public void AddConversationMonitoring_Enabled_OneTrackerIsTrackerAndView()
    {
        using var app = new SeededAppFactory();

        Assert.Same(app.Services.GetRequiredService<IConversationTracker>(), app.Services.GetRequiredService<IConversationView>());
        Assert.Single(app.Services.GetServices<ICommittedBatchObserver>(), o => o is ConversationFeed);
        Assert.Single(app.Services.GetServices<IHostedService>(), h => h is ConversationMonitorService);
    }
}
