using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Index;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventObserver.Storage.Postgres.Hosting;

/// <summary>
/// With several observers on one PostgreSQL index, each ingests only its partitions but shows all of them: this service
/// listens for the commits of the others (NOTIFY) and hands what they wrote, read back from the index, to this
/// instance's <see cref="ISharedIndexBatchObserver"/>s (live feed, conversation monitoring). Its own commits reach the feed from the writer as with LiteDB. Reconnects after a failure;
/// what was committed while it was away is in the index (pages and searches show it), not in the feed.
/// </summary>
public sealed partial class SharedIndexFeed(
    ICurrentIndex indexes,
    IEnumerable<ICommittedBatchObserver> observers,
    TimeProvider time,
    ILogger<SharedIndexFeed> logger) : BackgroundService
{
    private readonly ISharedIndexBatchObserver[] _observers = [.. observers.OfType<ISharedIndexBatchObserver>()];

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private bool _failing;
    private bool _announced;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (indexes is not PostgresIndexProvider)
        {
            // The LiteDB index has one observer: its writer feeds the live feed alone.
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            using var changed = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            void OnChanged(IEventIndex index) => changed.Cancel();

            // Subscribed before the index is taken: a switch in between ends this turn instead of being missed.
            indexes.Changed += OnChanged;
            try
            {
                if (indexes.TryGet(out var index) && index is PostgresEventIndex postgres)
                {
                    await postgres.ListenAsync(Publish, () => Listening(postgres), changed.Token);
                }
                else
                {
                    await Task.Delay(RetryDelay, time, changed.Token);
                }
            }
            catch (OperationCanceledException) when (changed.IsCancellationRequested)
            {
                // Stopping, or the index was replaced: the next turn listens on the new one.
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or ObjectDisposedException or InvalidOperationException or TimeoutException)
            {
                if (!_failing)
                {
                    _failing = true;
                    LogFailed(e.Message, RetryDelay.TotalSeconds);
                }

                await Delay(stoppingToken);
            }
            finally
            {
                indexes.Changed -= OnChanged;
            }
        }
    }

    private void Publish(IReadOnlyList<EventEnvelope> batch)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnCommitted(batch);
            }
            catch (Exception e)
            {
                // As on the writer's side: one failing observer must not keep the batch from the others.
                LogObserverFailed(e, observer.GetType().Name, batch.Count);
            }
        }
    }

    private void Listening(PostgresEventIndex index)
    {
        if (_failing)
        {
            LogListeningAgain(index.FilePath);
        }
        else if (!_announced)
        {
            LogListening(index.FilePath);
        }

        _announced = true;
        _failing = false;
    }

    private async Task Delay(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryDelay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The live feed also shows what other observers commit to {Where}")]
    private partial void LogListening(string where);

    [LoggerMessage(Level = LogLevel.Information, Message = "Following the other observers' commits to {Where} again")]
    private partial void LogListeningAgain(string where);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Observer} failed on a batch of {Events} events another observer committed")]
    private partial void LogObserverFailed(Exception exception, string observer, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not following the other observers' commits ({Reason}); retrying every {Seconds} s")]
    private partial void LogFailed(string reason, double seconds);
}
