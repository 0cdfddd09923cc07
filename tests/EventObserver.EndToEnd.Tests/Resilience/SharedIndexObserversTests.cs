using System.Diagnostics;

using EventObserver.EndToEnd.Tests.Resilience.SharedIndex;
using EventObserver.TestSupport;
using EventObserver.TestSupport.Postgres;

using Xunit.Abstractions;

namespace EventObserver.EndToEnd.Tests.Resilience;

/// <summary>
/// Issue 14's acceptance: several observer processes (the real app, <c>Storage:Provider = Postgres</c>,
/// <c>Kafka:Assignment = Group</c>) share one PostgreSQL index and one consumer group against one broker. The work is
/// split, a killed or frozen observer's partitions move to the other, a frozen one that wakes cannot write over its
/// successor, and every app's live feed shows every partition. Exactness is always read from PostgreSQL itself.
/// </summary>
public sealed class SharedIndexObserversTests(ITestOutputHelper output)
{
    private const int Partitions = 8;

    // Forming or changing the group takes a rebalance or two of about session.timeout.ms (3 s) in the mock, plus an
    // app start on two busy cores.
    private static readonly TimeSpan GroupTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FeedLatencyLimit = TimeSpan.FromSeconds(2);

    [PostgresFact]
    public async Task TwoObservers_BacklogAndSteadyStream_SplitThePartitionsAndIndexEveryMessageOnce()
    {
        // Arrange: a backlog waiting before the observers start, and a stream that goes on while they form the group.
        await using var rig = await SharedIndexRig.CreateAsync(Partitions);
        rig.Producer.Send(10_000);
        var observers = await rig.StartObserversAsync(2);
        rig.Producer.StartSteady(perTick: 100, TimeSpan.FromMilliseconds(50));

        // Act: once the partitions are split, more messages on every partition, then the stream stops.
        var atSplit = await rig.WaitForOwnersAsync(observers, GroupTimeout);
        var checkpointsAtSplit = rig.Database.Checkpoints();
        rig.Producer.Send(4_000);
        var produced = await rig.Producer.StopSteadyAsync();
        await rig.WaitForIndexedAsync(produced, DrainTimeout);

        // Assert: exact, two owners, and each observer itself wrote past the split: a partition whose epoch did not
        // move since was written by its owner alone (anyone else's write is refused), so its checkpoint moving is that
        // observer's work.
        rig.AssertIndexExact(produced, Describe(observers));
        var owners = rig.Database.Owners();
        var checkpoints = rig.Database.Checkpoints();
        foreach (var observer in observers)
        {
            var wrote = owners.Where(o => o.Pid == observer.Pid
                && atSplit.Single(s => s.Partition == o.Partition).Epoch == o.Epoch
                && checkpoints[o.Partition] > checkpointsAtSplit.GetValueOrDefault(o.Partition)).ToList();
            Assert.True(wrote.Count > 0, $"observer {observer.Pid} wrote none of its partitions after the split. Owners: {string.Join(", ", owners)}\n{Describe(observers)}");
        }

        output.WriteLine($"owners: {string.Join(", ", owners)}; produced {produced}");
    }

    [PostgresFact]
    public async Task Observer_SigkilledMidIngestion_SurvivorClaimsItsPartitionsAndTheIndexStaysExact()
    {
        // Arrange: two observers sharing the partitions, both busy with a backlog and a steady stream.
        await using var rig = await SharedIndexRig.CreateAsync(Partitions);
        var observers = await rig.StartObserversAsync(2);
        var (victim, survivor) = (observers[0], observers[1]);
        var atSplit = await rig.WaitForOwnersAsync(observers, GroupTimeout);
        var victimPartitions = atSplit.Where(o => o.Pid == victim.Pid).ToList();
        rig.Producer.StartSteady(perTick: 100, TimeSpan.FromMilliseconds(50));
        rig.Producer.Send(30_000);
        var before = rig.Database.CountEvents();
        await Eventually.MatchAsync(rig.Database.CountEvents, n => n >= before + 2_000, "ingestion under way", DrainTimeout);
        var claimsBefore = survivor.Count(SharedObserver.Claimed);

        // Act: kill -9 the victim, as a crash or an OOM kill would.
        victim.Kill();
        var checkpointsAtKill = rig.Database.Checkpoints();
        var watermarksAtKill = rig.HighWatermarks();
        var handOver = Stopwatch.StartNew();
        var owners = await rig.WaitForOwnersAsync([survivor], GroupTimeout);
        output.WriteLine($"survivor owned every partition {handOver.Elapsed.TotalSeconds:0.0} s after the kill");
        rig.Producer.Send(5_000);
        var produced = await rig.Producer.StopSteadyAsync();
        await rig.WaitForIndexedAsync(produced, DrainTimeout);

        // Assert: the kill left the victim's partitions behind the broker, the survivor claimed them (epochs moved,
        // its log says so), and the index is exact all the same.
        Assert.True(
            victimPartitions.Any(o => checkpointsAtKill.GetValueOrDefault(o.Partition) < watermarksAtKill[o.Partition]),
            $"the kill did not land mid-ingestion: the victim's partitions were all indexed up to the broker's end. {Describe(observers)}");
        Assert.True(survivor.Count(SharedObserver.Claimed) > claimsBefore, $"the survivor never said it claimed partitions after the kill.\n{survivor.Log}");
        Assert.All(victimPartitions, o => Assert.True(
            owners.Single(n => n.Partition == o.Partition).Epoch > o.Epoch,
            $"partition {o.Partition} was not claimed again after the kill. Owners: {string.Join(", ", owners)}"));
        rig.AssertIndexExact(produced, Describe(observers));
    }

    [PostgresFact]
    public async Task Observer_FrozenUntilItsPartitionsMoved_WritesNothingOnWakingAndTheIndexStaysExact()
    {
        // Arrange: two observers sharing the partitions; the zombie-to-be has a backlog fetched but not yet written.
        await using var rig = await SharedIndexRig.CreateAsync(Partitions);
        var observers = await rig.StartObserversAsync(2);
        var (zombie, successor) = (observers[0], observers[1]);
        var atSplit = await rig.WaitForOwnersAsync(observers, GroupTimeout);
        var zombiePartitions = atSplit.Where(o => o.Pid == zombie.Pid).ToList();
        rig.Producer.StartSteady(perTick: 100, TimeSpan.FromMilliseconds(50));
        rig.Producer.Send(40_000);
        var before = rig.Database.CountEvents();
        await Eventually.MatchAsync(rig.Database.CountEvents, n => n >= before + 2_000, "ingestion under way", DrainTimeout);
        var refusedBefore = zombie.Count(SharedObserver.Refused);
        var assignedBefore = successor.Assignments;

        // Act: freeze the zombie (no heartbeats, no writes; its sockets and any open transaction stay as they are)
        // while the stream goes on, until the group has given its partitions to the successor; then wake it, with
        // the batches it had queued for them still in hand.
        zombie.Pause();
        var checkpointsAtPause = rig.Database.Checkpoints();
        var watermarksAtPause = rig.HighWatermarks();
        var paused = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => successor.Assignments > assignedBefore, "the group moving the frozen observer's partitions", GroupTimeout);

        // The successor claims while the zombie is still frozen: at once, or, when the zombie was stopped inside a write
        // transaction (its locks on the owner rows hold the claim), after the claim ended that stuck session (3 s).
        var claimedWhileFrozen = await WithinAsync(() => rig.Database.Owners().All(o => o.Pid == successor.Pid), TimeSpan.FromSeconds(15));
        var indexedWhileFrozen = rig.Database.CountEvents();
        var growsWhileFrozen = await WithinAsync(() => rig.Database.CountEvents() > indexedWhileFrozen + 500, TimeSpan.FromSeconds(15));
        output.WriteLine($"partitions assigned to the successor {paused.Elapsed.TotalSeconds:0.0} s into the freeze; claimed in the index while frozen: {claimedWhileFrozen}; "
            + $"stuck sessions the claim ended: {successor.Count(SharedObserver.EndedStuckOwner)}");
        output.WriteLine($"sessions before waking: {rig.Database.ActiveSessions()}");
        zombie.Resume();
        var refusedInTime = await WithinAsync(() => zombie.Count(SharedObserver.Refused) > refusedBefore, TimeSpan.FromSeconds(20));
        var produced = await rig.Producer.StopSteadyAsync();
        await rig.WaitForIndexedAsync(produced, DrainTimeout);

        // Assert: the zombie had unwritten work for its partitions when frozen; on waking the database refused its
        // writes of them (its own warning says so, and their epochs moved past its claim); the index is exact.
        Assert.True(
            zombiePartitions.Any(o => checkpointsAtPause.GetValueOrDefault(o.Partition) < watermarksAtPause[o.Partition]),
            $"the freeze did not land mid-ingestion: the zombie's partitions were all indexed. {Describe(observers)}");
        Assert.True(claimedWhileFrozen, $"the successor could not claim the frozen observer's partitions while it was frozen.\n{Describe(observers)}");
        Assert.True(growsWhileFrozen, $"the index did not grow while the observer was frozen.\n{Describe(observers)}");
        Assert.False(zombie.App.HasExited, $"the woken observer exited.\n{zombie.App.Output}");
        Assert.True(refusedInTime, $"the woken observer's writes were not refused (claimed while frozen: {claimedWhileFrozen}).\n{Describe(observers)}");
        var owners = rig.Database.Owners();
        Assert.All(zombiePartitions, o => Assert.True(
            owners.Single(n => n.Partition == o.Partition).Epoch > o.Epoch,
            $"partition {o.Partition}'s epoch never moved past the zombie's claim. Owners: {string.Join(", ", owners)}"));
        rig.AssertIndexExact(produced, Describe(observers));
        output.WriteLine($"zombie's refusals:\n{string.Join('\n', zombie.Log.Split('\n').Where(l => l.Contains(SharedObserver.Refused, StringComparison.Ordinal)))}");
    }

    [PostgresFact]
    public async Task LiveFeeds_TwoObserversSplittingThePartitions_EachShowsEveryPartitionWithinTwoSeconds()
    {
        // Arrange: two observers each owning some partitions, a hub client on each app.
        await using var rig = await SharedIndexRig.CreateAsync(Partitions);
        var observers = await rig.StartObserversAsync(2);
        var atSplit = await rig.WaitForOwnersAsync(observers, GroupTimeout);
        await using var first = await FeedRecorder.ConnectAsync(observers[0].App.BaseAddress, rig.Topic);
        await using var second = await FeedRecorder.ConnectAsync(observers[1].App.BaseAddress, rig.Topic);
        FeedRecorder[] feeds = [first, second];
        using var probe = new PartitionProbe(rig.Cluster.BootstrapServers, rig.Topic);

        // Untimed round first: each app's LISTEN is in place and first-use costs (JIT, pooled connections) are paid.
        var warmUp = await probe.SendToEveryPartitionAsync(Partitions);
        await Eventually.TrueAsync(() => feeds.All(f => warmUp.All(p => f.ArrivedAt(p.Partition, p.Offset) is not null)), "the warm-up probes on both feeds", DrainTimeout);

        // Act: timed rounds, one message per partition each.
        var probes = new List<SentProbe>();
        for (var round = 0; round < 3; round++)
        {
            var sent = await probe.SendToEveryPartitionAsync(Partitions);
            probes.AddRange(sent);
            await WithinAsync(() => feeds.All(f => sent.All(p => f.ArrivedAt(p.Partition, p.Offset) is not null)), TimeSpan.FromSeconds(10));
        }

        // Assert: both feeds had every probe, each within the limit of its sending, though each app indexed only its
        // own partitions (the owners did not change meanwhile: the others' arrived through the shared index's notices).
        var late = feeds.SelectMany((feed, i) => probes.Select(p => (Feed: i, p.Partition, Latency: Latency(p, feed.ArrivedAt(p.Partition, p.Offset)))))
            .Where(x => x.Latency is null || x.Latency > FeedLatencyLimit)
            .Select(x => $"app {x.Feed}: p{x.Partition} {(x.Latency is { } l ? $"{l.TotalMilliseconds:0} ms" : "never")}")
            .ToList();
        Assert.True(late.Count == 0, $"late or missing on the live feeds: {string.Join(", ", late)}. Dropped: {first.Dropped}/{second.Dropped}\n{Describe(observers)}");
        Assert.Equal(atSplit, rig.Database.Owners());
        var worst = feeds.SelectMany(f => probes.Select(p => Latency(p, f.ArrivedAt(p.Partition, p.Offset))!.Value)).Max();
        output.WriteLine($"owners: {string.Join(", ", atSplit)}; worst feed latency {worst.TotalMilliseconds:0} ms");
    }

    private static TimeSpan? Latency(SentProbe probe, long? arrivedAt) =>
        arrivedAt is { } at ? Stopwatch.GetElapsedTime(probe.SentAt, at) : null;

    /// <summary>Polls <paramref name="condition"/> for at most <paramref name="timeout"/>; whether it came true (for what is reported, not failed at once).</summary>
    private static async Task<bool> WithinAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private static string Describe(IEnumerable<SharedObserver> observers) =>
        string.Join("\n", observers.Select(o => $"--- observer {o.Pid} ---\n{o.Log}"));
}
