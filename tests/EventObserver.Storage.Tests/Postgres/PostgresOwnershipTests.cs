using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.TestSupport.Postgres;

namespace EventObserver.Storage.Tests.Postgres;

/// <summary>Several observers on one schema: claims raise the owner epoch, and the database refuses a lost owner's writes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOwnershipTests(PostgresFixture fixture) : IDisposable
{
    private static readonly TopicPartitionKey Orders0 = new("orders", 0);
    private static readonly TopicPartitionKey Orders1 = new("orders", 1);
    private readonly PostgresDatabase _db = new(fixture);

    public void Dispose() => _db.Dispose();

    [PostgresFact]
    public void Claim_PartitionsNeverWritten_ReturnsNoCheckpointsAndHoldsEpochOne()
    {
        using var index = _db.Open();

        var checkpoints = index.Claim([Orders0, Orders1]);

        Assert.Empty(checkpoints);
        Assert.Equal(1, index.Claims[Orders0]);
        Assert.Equal(1, index.Claims[Orders1]);
        Assert.Equal(2L, _db.Scalar("SELECT count(*) FROM eventobserver.partition_owners"));
    }

    [PostgresFact]
    public void Claim_AfterAnotherObserverWrote_ResumesFromItsCommittedCheckpointAtTheNextEpoch()
    {
        using var first = _db.Open();
        using var second = _db.Open();
        first.Claim([Orders0]);
        first.Write(Events(Orders0, 0, 10));

        var checkpoints = second.Claim([Orders0]);

        Assert.Equal(10, checkpoints[Orders0]);
        Assert.Equal(2, second.Claims[Orders0]);
        Assert.Equal(second.ObserverId, _db.Scalar("SELECT owner FROM eventobserver.partition_owners"));
    }

    [PostgresFact]
    public void Write_AfterAnotherObserverClaimedThePartition_IsRefusedAndStoresNothing()
    {
        // Arrange: the zombie owned the partition, paused; its successor claimed it and wrote on.
        using var zombie = _db.Open();
        using var successor = _db.Open();
        zombie.Claim([Orders0]);
        zombie.Write(Events(Orders0, 0, 5));
        successor.Claim([Orders0]);
        successor.Write(Events(Orders0, 5, 5));

        // Act: the zombie wakes with what it read before the pause (offsets 5-9 again, and on).
        var refused = Assert.Throws<PartitionFencedException>(() => zombie.Write(Events(Orders0, 5, 10)));

        // Assert
        Assert.Equal([Orders0], refused.Partitions);
        Assert.Equal(10L, _db.Scalar("SELECT count(*) FROM eventobserver.events"));
        Assert.Equal(10, successor.GetCheckpoints()[Orders0]);
        Assert.False(zombie.Claims.ContainsKey(Orders0));
    }

    [PostgresFact]
    public void Write_BatchWithOneLostPartition_RefusesTheWholeTransactionNamingOnlyThatPartition()
    {
        using var first = _db.Open();
        using var second = _db.Open();
        first.Claim([Orders0, Orders1]);
        second.Claim([Orders1]);

        var refused = Assert.Throws<PartitionFencedException>(() => first.Write([.. Events(Orders0, 0, 3), .. Events(Orders1, 0, 3)]));
        var stored = first.Write(Events(Orders0, 0, 3));

        Assert.Equal([Orders1], refused.Partitions);
        Assert.Equal(3, stored);
        Assert.Equal(3L, _db.Scalar("SELECT count(*) FROM eventobserver.events"));
    }

    [PostgresFact]
    public void Write_ReleasedPartition_IsRefusedUntilClaimedAgain()
    {
        using var index = _db.Open();
        index.Claim([Orders0]);
        index.Release([Orders0]);

        Assert.Throws<PartitionFencedException>(() => index.Write(Events(Orders0, 0, 2)));
        index.Claim([Orders0]);
        Assert.Equal(2, index.Write(Events(Orders0, 0, 2)));
    }

    [PostgresFact]
    public void Write_ObserverThatNeverClaims_IsNotFenced()
    {
        // One observer per index (manual assignment): no claims, no ownership checks.
        using var index = _db.Open();
        using var other = _db.Open();
        other.Claim([Orders0]);

        Assert.Equal(4, index.Write(Events(Orders0, 0, 4)));
    }

    [PostgresFact]
    public async Task Claim_WhileTheOldOwnerCommits_WaitsAndResumesAfterThatCommit()
    {
        // Arrange: the old owner's write is inside its transaction (owner rows locked) when the claim arrives.
        using var owner = _db.Open();
        using var successor = _db.Open();
        owner.Claim([Orders0]);
        using var inTransaction = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        owner.BeforeCommit = () =>
        {
            inTransaction.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        };
        var write = Task.Run(() => owner.Write(Events(Orders0, 0, 7)));
        Assert.True(inTransaction.Wait(TimeSpan.FromSeconds(30)));

        // Act
        var claim = Task.Run(() => successor.Claim([Orders0]));
        var claimWaited = !claim.Wait(TimeSpan.FromMilliseconds(300));
        release.Set();
        var stored = await write;
        var checkpoints = await claim;

        // Assert: the claim saw the commit it waited for, so nothing is read twice or skipped.
        Assert.True(claimWaited, "the claim did not wait for the old owner's transaction");
        Assert.Equal(7, stored);
        Assert.Equal(7, checkpoints[Orders0]);
    }

    [PostgresFact]
    public async Task Claim_PreviousOwnerStuckInItsTransaction_EndsThatSessionAndTakesOver()
    {
        // Arrange: the old owner stops inside its write transaction (a frozen process) and does not come back.
        using var owner = _db.Open();
        using var successor = _db.Open();
        owner.Claim([Orders0]);
        using var inTransaction = new ManualResetEventSlim();
        using var wake = new ManualResetEventSlim();
        owner.BeforeCommit = () =>
        {
            inTransaction.Set();
            wake.Wait(TimeSpan.FromSeconds(60));
        };
        var write = Task.Run(() => owner.Write(Events(Orders0, 0, 7)));
        Assert.True(inTransaction.Wait(TimeSpan.FromSeconds(30)));

        // Act: the claim goes through while the old owner is still frozen; then the old owner wakes and retries.
        var checkpoints = successor.Claim([Orders0]);
        wake.Set();
        var commitFailed = await Record.ExceptionAsync(() => write);
        owner.BeforeCommit = null;
        var retry = Record.Exception(() => owner.Write(Events(Orders0, 0, 7)));

        // Assert: nothing of the frozen batch was committed, so the successor starts from the beginning and reads it.
        Assert.False(checkpoints.ContainsKey(Orders0));
        Assert.Equal(1, successor.StuckOwnersTerminated);
        Assert.NotNull(commitFailed);
        Assert.IsType<PartitionFencedException>(retry);
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM eventobserver.events"));
    }

    private static List<EventEnvelope> Events(TopicPartitionKey key, long from, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new EventEnvelope
        {
            Topic = key.Topic, Partition = key.Partition, Offset = from + i, TimestampMs = 1_700_000_000_000 + from + i,
            MessageId = $"{key}-{from + i}", Payload = [1, 2, 3], PayloadFormat = PayloadFormat.Binary,
        })];
}
