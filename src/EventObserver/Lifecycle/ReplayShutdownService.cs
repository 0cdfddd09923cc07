using EventObserver.Features.Replay.Runs;

namespace EventObserver.Lifecycle;

/// <summary>
/// Stops replay runs as soon as the app is told to stop (not when the hosted services' turn comes, which is after
/// ingestion's), and lets the host wait for them within its shutdown timeout.
/// </summary>
public sealed partial class ReplayShutdownService(
    ReplayRunManager runs, IHostApplicationLifetime lifetime, ILogger<ReplayShutdownService> logger) : IHostedService
{
    private readonly TaskCompletionSource<Task> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(() => _stopped.TrySetResult(runs.StopAllForShutdownAsync()));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // StopAsync without ApplicationStopping (a test host stopped directly) still stops the runs.
        if (!_stopped.Task.IsCompleted)
        {
            _stopped.TrySetResult(runs.StopAllForShutdownAsync());
        }

        try
        {
            await (await _stopped.Task).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogGaveUp();
        }
        finally
        {
            await _registration.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay runs had not finished stopping when the shutdown timeout ran out")]
    private partial void LogGaveUp();
}
