using EventObserver.Access;
using EventObserver.Access.Enforcement;
using EventObserver.Core.Decoding;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;

namespace EventObserver.Shared;

/// <summary>
/// The one way a feature's query service reads the current index. The index API is synchronous (LiteDB is): this is
/// the single place such a read is moved off the circuit or request thread, so a long read never blocks a page's
/// rendering or the circuit's other events. "No index yet" and the race with a cluster switch (the index archived
/// while it is read) are handled here once, for every feature. A read for a user takes their <see cref="UserAccess"/>:
/// it gets the index as that user may see it (<see cref="AccessView"/>: readable topics only, values re-decoded when their
/// schema was unavailable at ingest, masked values).
/// </summary>
/// <param name="decoder">Re-decodes envelopes whose schema was unavailable at ingest; null shows them as indexed.</param>
public sealed partial class IndexReads(ICurrentIndex indexes, ILogger<IndexReads> logger, IEventMasker masker, EnvelopeDecoder? decoder = null)
{
    /// <summary>Without masking rules (tests and tools that build the reads themselves).</summary>
    public IndexReads(ICurrentIndex indexes, ILogger<IndexReads> logger)
        : this(indexes, logger, NoMasking.Instance)
    {
    }

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

    /// <summary>Like <see cref="RunAsync{T}(Func{IEventIndex, T}, CancellationToken)"/> on the calling thread, for reads that are known to be cheap (in-memory counters).</summary>
    public IndexRead<T> RunNow<T>(Func<IEventIndex, T> read) => Read(read, CancellationToken.None);

    /// <summary>
    /// Like <see cref="RunAsync{T}(Func{IEventIndex, T}, CancellationToken)"/>, with <paramref name="read"/> given the index as <paramref name="access"/> may see
    /// it: events of denied topics absent, every envelope masked unless the user sees raw values. An unrestricted user
    /// without masking rules reads the index itself.
    /// </summary>
    public Task<IndexRead<T>> RunAsync<T>(UserAccess access, Func<IEventIndex, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var view = ViewFor(access);
        return RunAsync(index => read(view.Over(index)), cancellationToken);
    }

    /// <summary>Like <see cref="RunNow{T}(Func{IEventIndex, T})"/>, through the index as <paramref name="access"/> may see it.</summary>
    public IndexRead<T> RunNow<T>(UserAccess access, Func<IEventIndex, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var view = ViewFor(access);
        return RunNow(index => read(view.Over(index)));
    }

    /// <summary>What <paramref name="access"/> may see, for reads that are not of the index (the live feed, a replay).</summary>
    public AccessView ViewFor(UserAccess access) => new(access, masker, decoder);

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
