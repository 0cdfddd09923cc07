using EventObserver.Core.Querying;
using EventObserver.Storage.Index;
using EventObserver.Storage.Retention;
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
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                try
                {
                    var page = index.Query(new EventQuery { Topic = "orders", Limit = 50 });
                    if (page.Select(e => e.Offset).Distinct().Count() != page.Count)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    index.Get("orders", 0, 10);
                    index.GetStatistics();
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });

        for (var start = 0; start < 5_000; start += 250)
        {
            index.Write(Envelopes.Range("orders", 0, start, start + 249));
            if (start % 1_000 == 0)
            {
                index.ApplyRetention(new RetentionPolicy(MaxEvents: 2_000, MaxAge: null), DateTimeOffset.UtcNow);
            }
        }

        await done.CancelAsync();
        await reader;

        Assert.Equal(0, errors);
        Assert.Equal(5_000, index.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
    }
}
