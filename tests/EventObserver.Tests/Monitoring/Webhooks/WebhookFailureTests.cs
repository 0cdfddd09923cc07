using System.Diagnostics;

using EventObserver.Core.Conversations;
using EventObserver.Monitoring.Webhooks;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Tests.Monitoring.Webhooks;

/// <summary>Receivers that fail, hang or are down: retries with back-off, isolation, and a Publish that never waits.</summary>
public sealed class WebhookFailureTests
{
    private readonly FakeTimeProvider _clock = new(WebhookHarness.Start);

    [Fact]
    public async Task Receiver_FailingTwiceThenHealthy_GetsRetriesWithBackOffThenTheAlertsOnce()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_clock);
        receiver.Answer = n => n <= 2 ? 500 : 200;
        await using var harness = await WebhookHarness.StartAsync(_clock, o => o.Webhooks = [new WebhookOptions { Url = receiver.Url, Secret = "k" }]);

        harness.AlertSink.Publish([Alerts.Stuck("order-1", _clock.GetUtcNow()), Alerts.Stuck("order-2", _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => harness.Sink.Delivered == 2, "the alerts to be delivered");
        await harness.PumpHoldsAsync(() => receiver.Requests.Count == 3, "no request after the successful one", TimeSpan.FromMinutes(2));

        var requests = receiver.Requests;
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.Single(requests.Select(r => r.Header(WebhookSignature.DeliveryHeader)).Distinct());
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1), $"first retry after {requests[1].At - requests[0].At}");
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromSeconds(2), $"second retry after {requests[2].At - requests[1].At}");
        Assert.Equal(["order-1", "order-2"], requests[2].Conversations);
        Assert.Equal(0, harness.Sink.Dropped);
        Assert.Single(harness.Logs, l => l.Level == LogLevel.Warning && l.Text.Contains("HTTP 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Receiver_NeverAnswering_DoesNotDelayAHealthyOne()
    {
        await using var hanging = await LoopbackReceiver.StartAsync(_clock);
        hanging.Answer = _ => LoopbackReceiver.Hang;
        await using var healthy = await LoopbackReceiver.StartAsync(_clock);
        await using var harness = await WebhookHarness.StartAsync(_clock, o => o.Webhooks =
        [
            new WebhookOptions { Url = hanging.Url, Name = "hanging" },
            new WebhookOptions { Url = healthy.Url, Name = "healthy" },
        ]);

        harness.AlertSink.Publish([Alerts.Stuck("order-1", _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => healthy.Requests.Count == 1 && hanging.Requests.Count == 1, "both receivers to get the request");
        harness.AlertSink.Publish([Alerts.Stuck("order-2", _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => healthy.Requests.Count == 2, "the healthy receiver's second request");

        var (stuckOne, fine) = (harness.Sink.Receivers.Single(r => r.Name == "hanging"), harness.Sink.Receivers.Single(r => r.Name == "healthy"));
        Assert.Equal((0L, 1L), (stuckOne.Delivered, stuckOne.Requests));
        Assert.Equal((2L, 2L), (fine.Delivered, fine.Requests));
    }

    [Fact]
    public async Task Publish_ReceiverDownAndQueueFull_ReturnsAtOnceCountsTheOverflowAndLogsItOncePerMinute()
    {
        // A window longer than the test: the queue is not drained while the clock moves on past the log interval.
        await using var harness = await WebhookHarness.StartAsync(_clock, o =>
        {
            o.WebhookBatchWindow = TimeSpan.FromHours(1);
            o.Webhooks = [new WebhookOptions { Url = LoopbackReceiver.RefusingUrl() }];
        });
        var alerts = Enumerable.Range(0, WebhookAlertSink.DefaultCapacity + 500).Select(i => Alerts.Stuck($"order-{i}", _clock.GetUtcNow())).ToList();

        var watch = Stopwatch.StartNew();
        harness.AlertSink.Publish(alerts);
        harness.AlertSink.Publish(alerts.Take(100).ToList());
        watch.Stop();
        var logsWithinTheMinute = Overflows(harness);
        _clock.Advance(TimeSpan.FromSeconds(61));
        harness.AlertSink.Publish(alerts.Take(1).ToList());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Publish took {watch.Elapsed}");
        Assert.Equal(601, harness.Sink.Overflowed);
        Assert.Equal(1, logsWithinTheMinute);
        Assert.Equal(2, Overflows(harness));
        Assert.Contains(harness.Logs, l => l.Text.Contains("101 alerts dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Receiver_RefusingConnections_IsTriedEightTimesThenTheAlertsAreDroppedWithOneErrorLog()
    {
        await using var harness = await WebhookHarness.StartAsync(_clock, o => o.Webhooks = [new WebhookOptions { Url = LoopbackReceiver.RefusingUrl(), Name = "ops-hook" }]);
        harness.Step = TimeSpan.FromSeconds(2);

        harness.AlertSink.Publish([Alerts.Stuck("order-1", _clock.GetUtcNow()), Alerts.Stuck("order-2", _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => harness.Sink.Dropped == 2, "the alerts to be given up on");

        var receiver = Assert.Single(harness.Sink.Receivers);
        Assert.Equal(8, receiver.Requests);
        var error = Assert.Single(harness.Logs, l => l.Level == LogLevel.Error);
        Assert.Contains("ops-hook: 2 alerts dropped after 8 failed attempts", error.Text, StringComparison.Ordinal);
        Assert.Single(harness.Logs, l => l.Level == LogLevel.Warning);
    }

    private static int Overflows(WebhookHarness harness) =>
        harness.Logs.Count(l => l.Level == LogLevel.Warning && l.Text.Contains("queue of 10000 was full", StringComparison.Ordinal));
}
