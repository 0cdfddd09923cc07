using EventObserver.Core.Metrics;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Telemetry;

/// <summary>
/// Adds 0 to the counters whose label sets are known in advance, once the meter provider listens, so their series
/// exist from the first scrape: <c>rate()</c> and <c>increase()</c> then see the first run, retention pass or dropped
/// event instead of a series that appears from nowhere, and the dashboard's panels show 0 rather than "no data".
/// </summary>
internal sealed class CounterBaseline : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Instruments.RetentionDeletions.Add(0);

        // Without a topic: a 0 series until the first gap, so "lost to retention" reads 0 rather than "no data".
        Instruments.RetentionGaps.Add(0);
        Instruments.MessagesLost.Add(0);
        FeedDrops.Record(0, FeedDrops.QueueFull);
        FeedDrops.Record(0, FeedDrops.ClientSlow);
        ReplayTelemetry.Baseline();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
