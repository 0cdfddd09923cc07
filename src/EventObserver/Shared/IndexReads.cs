using EventObserver.Core.Indexing;

namespace EventObserver.Shared;

/// <summary>
/// The one way a feature's query service reads the current index. The index API is synchronous (LiteDB is): this is
/// the single place such a read is moved off the circuit or request thread, so a long read never blocks a page's
/// rendering or the circuit's other events. "No index yet" and the race with a cluster switch (the index archived
/// while it is read) are handled here once, for every feature.
/// </summary>
public sealed partial class IndexReads(ICurrentIndex indexes, ILogger<IndexReads> logger)
{
    /// <summary>
    /// Runs <paramref name="read"/> against the current index on the thread pool. A read that meets an index archived by a
    /// cluster switch is retried once on the new index. Cancellation propagates; any other exception is logged and
    /// returned as <see cref="IndexReadStatus.Failed"/> with its message.
    /// </summary>
    public Task<IndexRead<T>> RunAsync<T>(Func<IEventIndex, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Task.Run(() => Read(read, cancellationToken), cancellationToken);
    }

    /// <summary>Like <see cref="RunAsync{T}"/> on the calling thread, for reads that are known to be cheap (in-memory counters).</summary>
    public IndexRead<T> RunNow<T>(Func<IEventIndex, T> read) => Read(read, CancellationToken.None);

    private IndexRead<T> Read<T>(Func<IEventIndex, T> read, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!indexes.TryGet(out var index))
            {
                return IndexRead<T>.NoIndex;
            }

            try
            {
                return IndexRead<T>.Of(read(index));
            }
            catch (ObjectDisposedException) when (attempt == 0)
            {
                // Archived by a cluster switch a moment ago: the new current index answers instead.
            }
            catch (ObjectDisposedException)
            {
                return IndexRead<T>.NoIndex;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogReadFailed(ex);
                return IndexRead<T>.Failed(ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the index failed")]
    private partial void LogReadFailed(Exception exception);
}
