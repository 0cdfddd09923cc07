using EventObserver.Replay;

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
