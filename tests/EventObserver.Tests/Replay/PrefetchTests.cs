using EventObserver.Features.Replay.Runs;

namespace EventObserver.Tests.Replay;

/// <summary>The read-ahead thread between the index and a run: nothing lost or reordered, and it stops with its consumer.</summary>
public sealed class PrefetchTests
{
    [Fact]
    public void Ahead_WholeSequence_GivesEveryItemOnceInOrder()
    {
        var read = Prefetch.Ahead(Enumerable.Range(0, 10_000), batchSize: 7, maxBatches: 2).ToList();

        Assert.Equal(Enumerable.Range(0, 10_000), read);
    }

    [Fact]
    public void Ahead_ConsumerStopsEarly_StopsTheReaderAndDisposesTheSource()
    {
        var source = new CountingSource(1_000_000);

        var taken = Prefetch.Ahead(source.Items(), batchSize: 4, maxBatches: 2).Take(10).ToList();

        // Disposing the enumerator waited for the reader thread: the source is closed and was read only a little ahead.
        Assert.Equal(Enumerable.Range(0, 10), taken);
        Assert.True(source.Disposed);
        Assert.InRange(source.Produced, 10, 10 + (4 * 4));
    }

    [Fact]
    public void Ahead_SourceThrows_GivesTheItemsBefore_ThenTheException()
    {
        static IEnumerable<int> Failing()
        {
            yield return 1;
            yield return 2;
            throw new InvalidDataException("Truncated index chunk.");
        }

        var read = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in Prefetch.Ahead(Failing(), batchSize: 1, maxBatches: 1))
            {
                read.Add(item);
            }
        });

        Assert.Equal([1, 2], read);
        Assert.Equal("Truncated index chunk.", error.Message);
    }

    [Fact]
    public void Ahead_WithPrepare_GivesEachItemItsOwnPreparation_MadeOnTheReadingThread()
    {
        var consumerThread = Environment.CurrentManagedThreadId;
        var preparedOn = new System.Collections.Concurrent.ConcurrentBag<int>();

        var read = Prefetch.Ahead(Enumerable.Range(0, 5_000), i =>
        {
            preparedOn.Add(Environment.CurrentManagedThreadId);
            return i * 2;
        }, batchSize: 16, maxBatches: 2).ToList();

        Assert.Equal(Enumerable.Range(0, 5_000), read.Select(p => p.Item));
        Assert.All(read, p => Assert.True(p.Prepared is null || (int)p.Prepared == p.Item * 2, $"{p.Item}: {p.Prepared}"));
        Assert.DoesNotContain(consumerThread, preparedOn);
    }

    [Fact]
    public void Ahead_ConsumerBehind_ReaderPreparesWhatWaits()
    {
        using var prepared = new ManualResetEventSlim();

        var items = Prefetch.Ahead(Enumerable.Range(0, 1_000), i =>
        {
            prepared.Set();
            return i;
        }, batchSize: 4, maxBatches: 2);
        using var enumerator = items.GetEnumerator();
        Assert.True(enumerator.MoveNext());

        // The consumer holds still: once a batch waits in the channel, the reader prepares the next ones.
        Assert.True(prepared.Wait(TimeSpan.FromSeconds(10)), "the reader never prepared an item while the consumer was behind");
        var rest = new List<(int Item, object? Prepared)>();
        while (enumerator.MoveNext())
        {
            rest.Add(enumerator.Current);
        }

        Assert.Equal(999, rest.Count);
        Assert.Contains(rest, p => p.Prepared is not null);
    }

    private sealed class CountingSource(int count)
    {
        private int _produced;
        private volatile bool _disposed;

        public int Produced => Volatile.Read(ref _produced);
        public bool Disposed => _disposed;

        public IEnumerable<int> Items()
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    Interlocked.Increment(ref _produced);
                    yield return i;
                }
            }
            finally
            {
                _disposed = true;
            }
        }
    }
}
