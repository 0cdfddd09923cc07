using EventObserver.Core.Indexing;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Storage.Tests.Index;

/// <summary>
/// LiteDB's side of retention gaps: a failure inside its transaction, and the archive of a cluster switch. What every
/// engine does with gaps is in <c>Contract/RetentionGapContract</c>.
/// </summary>
public sealed class RetentionGapStorageTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TopicPartitionKey Orders0 = new("orders", 0);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_FailureBeforeCommit_KeepsNeitherTheGapNorTheCheckpoint()
    {
        var path = _dir.File("a.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(Envelopes.Range("orders", 0, 0, 4));
            index.BeforeCommit = () => throw new IOException("disk gone");

            Assert.Throws<IOException>(() => index.Write(Envelopes.Range("orders", 0, 10, 12), [Gap("orders", 0, 5, 9)]));

            Assert.Empty(index.GetRetentionGaps());
            Assert.Equal(5, index.GetCheckpoints()[Orders0]);
        }

        using var reopened = LiteDbEventIndex.Open(path);
        Assert.Empty(reopened.GetRetentionGaps());
        Assert.Equal(5, reopened.GetCheckpoints()[Orders0]);
    }

    [Fact]
    public void OpenForCluster_OtherCluster_ArchivesTheGapsWithTheIndex()
    {
        var time = new FakeTimeProvider(At);
        using var provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = _dir.File("eo.db") }), NullLogger<EventIndexProvider>.Instance, time);
        provider.OpenForCluster("cluster-a").Write(Envelopes.Range("orders", 0, 5, 5), [Gap("orders", 0, 0, 4)]);

        var fresh = provider.OpenForCluster("cluster-b");

        Assert.Empty(fresh.GetRetentionGaps());
        using var archived = LiteDbEventIndex.Open(provider.LastSwitch!.ArchivedTo);
        Assert.Equal(5, Assert.Single(archived.GetRetentionGaps()).Count);
    }

    private static RetentionGap Gap(string topic, int partition, long first, long last, DateTimeOffset? at = null) =>
        new(topic, partition, first, last, at ?? At);
}
