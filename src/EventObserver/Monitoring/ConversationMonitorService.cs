using EventObserver.Core.Conversations;

namespace EventObserver.Monitoring;

/// <summary>
/// The monitor's loop: at start the snapshot and the catch-up (off the start path), then every <c>CheckInterval</c>
/// the deadline check with its alerts handed to every <see cref="IConversationAlertSink"/>, a snapshot every
/// <see cref="SaveInterval"/>, and a last one at shutdown. Driven by the <see cref="TimeProvider"/>. Beside it runs the
/// <see cref="ConversationFeed"/>, which hands the committed batches over.
/// </summary>
public sealed partial class ConversationMonitorService(
    ConversationMonitor monitor,
    ConversationFeed feed,
    IConversationTracker tracker,
    IEnumerable<IConversationAlertSink> sinks,
    MonitoringOptions options,
    TimeProvider time,
    ILogger<ConversationMonitorService> logger) : BackgroundService
{
    /// <summary>How often the state is saved: what a crash loses is re-read from the index at the next start anyway.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(30);

    private readonly IConversationAlertSink[] _sinks = [.. sinks];

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // After the loop ended, so no check runs beside it; a few hundred ms for a large state, within the shutdown
        // budget. Batches ingestion commits after this are read back from the index at the next start.
        if (options.Enabled && monitor.Save())
        {
            LogSavedAtShutdown();
        }
    }

    /// <summary>One check: deadlines, then the alerts to every sink (one that throws is logged and skipped).</summary>
    public int Tick(DateTimeOffset now)
    {
        if (!monitor.IsLive)
        {
            // Before the catch-up ends, a conversation whose completion is still to be read back would look stuck.
            return 0;
        }

        var alerts = tracker.Check(now);
        if (alerts.Count == 0)
        {
            return 0;
        }

        foreach (var sink in _sinks)
        {
            try
            {
                sink.Publish(alerts);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogSinkFailed(sink.GetType().Name, alerts.Count, ex);
            }
        }

        return alerts.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var feeding = Task.Run(() => FeedAsync(stoppingToken), stoppingToken);
        try
        {
            // LiteDB reads are synchronous: off the host's start path.
            await Task.Run(() => monitor.Start(stoppingToken), stoppingToken);
            var lastSave = time.GetUtcNow();
            using var timer = new PeriodicTimer(options.CheckInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (monitor.RestartPending)
                {
                    await Task.Run(() => monitor.StartOver(stoppingToken), stoppingToken);
                }

                var now = time.GetUtcNow();
                try
                {
                    Tick(now);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    LogCheckFailed(ex);
                }

                if (now - lastSave >= SaveInterval)
                {
                    monitor.Save();
                    lastSave = now;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Monitoring stops; the app (ingestion, pages) must not stop with it.
            LogStopped(ex);
        }

        await feeding.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task FeedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await feed.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogStopped(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Conversation monitoring stopped after an unexpected error; restart the app to resume it")]
    private partial void LogStopped(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conversation alert receiver {Sink} failed to take {Count} alerts; the monitor goes on")]
    private partial void LogSinkFailed(string sink, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The conversation deadline check failed; it runs again at the next interval")]
    private partial void LogCheckFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation monitor state saved at shutdown")]
    private partial void LogSavedAtShutdown();
}
