using System.Threading.Channels;

namespace EventObserver.Features.Replay.Runs;

/// <summary>
/// Reads a sequence ahead on another thread, in batches through a small bounded channel, so the index read and
/// decode of the next events overlap the sandbox applying the current ones (the two costs are similar).
/// </summary>
/// <remarks>
/// The sandbox is the slower side, so the channel is full whenever the collector runs and every event waiting in it
/// survives a collection (is copied once more): a few hundred events ahead absorb the reader's hiccups as well as
/// two thousand did, at a quarter of the copying.
/// </remarks>
internal static class Prefetch
{
    public static IEnumerable<T> Ahead<T>(IEnumerable<T> source, int batchSize = 128, int maxBatches = 4) =>
        Ahead(source, null, batchSize, maxBatches).Select(static pair => pair.Item);

    /// <summary>
    /// Reads ahead, and gives each item what <paramref name="prepare"/> made of it on the reading thread. The reader
    /// prepares a batch only while the consumer has a batch or more waiting: when it falls behind, it hands items over
    /// unprepared (null) and the consumer, which would otherwise wait, does that work itself; so the two threads
    /// share the work whichever is slower.
    /// </summary>
    public static IEnumerable<(T Item, object? Prepared)> Ahead<T>(IEnumerable<T> source, Func<T, object?>? prepare, int batchSize = 128, int maxBatches = 4)
    {
        var channel = Channel.CreateBounded<(T, object?)[]>(new BoundedChannelOptions(maxBatches)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() => ProduceAsync(source, prepare, channel, batchSize, stop.Token));
        try
        {
            var reader = channel.Reader;
            while (true)
            {
                if (reader.TryRead(out var batch))
                {
                    foreach (var item in batch)
                    {
                        yield return item;
                    }

                    continue;
                }

                // Throws the producer's exception when it failed; false when it finished.
                if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                {
                    break;
                }
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Stopped early by the consumer.
            }
        }
    }

    private static async Task ProduceAsync<T>(IEnumerable<T> source, Func<T, object?>? prepare, Channel<(T, object?)[]> channel,
        int batchSize, CancellationToken cancellationToken)
    {
        var writer = channel.Writer;
        try
        {
            var batch = new List<(T, object?)>(batchSize);
            var preparing = false;
            foreach (var item in source)
            {
                if (batch.Count == 0)
                {
                    preparing = prepare is not null && channel.Reader.Count > 0;
                }

                batch.Add((item, preparing ? prepare!(item) : null));
                if (batch.Count == batchSize)
                {
                    await writer.WriteAsync([.. batch], cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await writer.WriteAsync([.. batch], cancellationToken).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            if (ex is OperationCanceledException)
            {
                throw;
            }
        }
    }
}
