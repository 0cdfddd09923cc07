using EventObserver.Core.Indexing;
using EventObserver.Core.Metrics;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventObserver.Storage.Retention;

/// <summary>Applies <see cref="StorageOptions.MaxEvents"/> and <see cref="StorageOptions.MaxAge"/> to the current index every <see cref="StorageOptions.RetentionInterval"/>.</summary>
public sealed partial class RetentionService(
    ICurrentIndex indexes,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RetentionInterval > TimeSpan.Zero ? options.Value.RetentionInterval : TimeSpan.FromMinutes(1);
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                RunOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One retention pass; never throws (a failed pass is logged and retried at the next tick).</summary>
    public long RunOnce()
    {
        if (!indexes.TryGet(out var index))
        {
            return 0;
        }

        try
        {
            var policy = new RetentionPolicy(options.Value.MaxEvents, options.Value.MaxAge);
            var deleted = index.ApplyRetention(policy, timeProvider.GetUtcNow());
            if (deleted > 0)
            {
                Instruments.RetentionDeletions.Add(deleted);
                LogDeleted(deleted, policy.MaxEvents, policy.MaxAge);
            }

            return deleted;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(ex);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Deleted} events (max events {MaxEvents}, max age {MaxAge})")]
    private partial void LogDeleted(long deleted, long? maxEvents, TimeSpan? maxAge);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
