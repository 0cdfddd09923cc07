using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Index;

public sealed class LiteDbEventIndexConcurrencyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadersDuringWritesAndRetention_SeeConsistentResultsAndNoErrors()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("c.db"));
        using var done = new CancellationTokenSource();
        var errors = 0;
        var passes = 0;
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                try
                {
                    var page = index.Query(new EventSelection { Topics = ["orders"], Limit = 50 });
                    if (page.Select(e => e.Offset).Distinct().Count() != page.Count)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    index.Get("orders", 0, 10);
                    index.GetStatistics();
                    Interlocked.Increment(ref passes);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });

        var readerKeptUp = true;
        for (var start = 0; start < 5_000; start += 250)
        {
            index.Write(Envelopes.Range("orders", 0, start, start + 249));
            if (start % 1_000 == 0)
            {
                index.ApplyRetention(new RetentionPolicy(MaxEvents: 2_000, MaxAge: null), DateTimeOffset.UtcNow);

                // A reader that never got a turn would leave errors at 0 too: make it finish whole passes in between.
                var seen = Volatile.Read(ref passes);
                readerKeptUp &= SpinWait.SpinUntil(() => Volatile.Read(ref passes) >= seen + 2, TimeSpan.FromSeconds(10));
            }
        }

        await done.CancelAsync();
        await reader;

        Assert.True(readerKeptUp, $"the reader finished only {passes} passes");
        Assert.Equal(0, errors);
        Assert.Equal(5_000, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
    }
}
