using System.Diagnostics;
using System.Text.Json;
using EventObserver.Benchmarks.Support;
using EventObserver.Core.Conversations;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Monitoring;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Conversations;
using EventObserver.Storage.Index;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>conversations</c>: 100,000 open order conversations tracked while the real LiteDB index takes 5,000
/// events/s in 10 batches a second, each committed batch handed to the app's ConversationFeed (which tracks on its own
/// thread). Prints the writer's time spent handing batches over (tracking's share of ingest time), the tracker's own
/// time on the feed's thread beside the writer's, heap bytes per open conversation, and how long after its deadline a
/// never-answered probe conversation is reported stuck by Check on a real 1 s timer.
/// </summary>
internal static class ConversationsScenario
{
    private const int OpenConversations = 100_000;
    private const int EventsPerSecond = 5_000;
    private const int BatchesPerSecond = 10;
    private const int ProbesPerSecond = 20;

    /// <summary>Untimed seconds first: the runtime's tiered JIT otherwise measures its own unoptimized first code.</summary>
    private const int WarmupSeconds = 10;
    private static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(int seconds)
    {
        var directory = Directory.CreateTempSubdirectory("eventobserver-conversations-bench-").FullName;
        try
        {
            var options = new MonitoringOptions
            {
                MaxOpenConversations = 150_000,
                CheckInterval = TimeSpan.FromSeconds(1),
                Processes =
                [
                    new ProcessOptions { Name = "orders", Start = ConversationsTraffic.OrdersStart, Done = [ConversationsTraffic.OrdersDone], Within = TimeSpan.FromHours(2) },
                    new ProcessOptions { Name = "payments", Start = ConversationsTraffic.ProbeStart, Done = ["CardCharged"], Within = ProbeDeadline },
                ],
            };
            var traffic = new ConversationsTraffic();
            var heapBefore = FullGcHeap();
            var tracker = new ConversationTracker(options, TimeProvider.System);
            var startMs = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds();
            for (var filled = 0; filled < OpenConversations; filled += 5_000)
            {
                tracker.Observe(traffic.Prefill(5_000, startMs + filled));
            }

            var heapAfter = FullGcHeap();
            var bytesPerConversation = (heapAfter - heapBefore) / (double)OpenConversations;
            Report($"pre-filled {traffic.OpenOrders:N0} open conversations: heap +{(heapAfter - heapBefore) / 1048576.0:N1} MiB, {bytesPerConversation:N0} bytes each");

            // The app's own path: the writer hands each committed batch to the ConversationFeed, whose thread gives it
            // to the ConversationMonitor and so to the tracker.
            using var indexes = new EventIndexProvider(
                Options.Create(new StorageOptions { Path = Path.Combine(directory, "index.db"), MaxEvents = null, MaxAge = null }),
                NullLogger<EventIndexProvider>.Instance, TimeProvider.System);
            var index = indexes.OpenForCluster("bench");
            var timed = new TimedTracker(tracker);
            using var store = new LiteDbConversationSnapshotStore(
                LiteDbConversationSnapshotStore.PathNextTo(Path.Combine(directory, "index.db")), NullLogger<LiteDbConversationSnapshotStore>.Instance, TimeProvider.System);
            using var monitor = new ConversationMonitor(timed, store, indexes, options, TimeProvider.System, NullLogger<ConversationMonitor>.Instance);
            using var stop = new CancellationTokenSource();
            monitor.Start(stop.Token);
            using var feed = new ConversationFeed(monitor, NullLogger<ConversationFeed>.Instance);
            var feeding = Task.Run(() => feed.RunAsync(stop.Token));

            var detection = new LatencyRecorder();
            var checks = new LatencyRecorder();
            var checking = CheckLoopAsync(tracker, options.CheckInterval, detection, checks, stop.Token);
            var gcBefore = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

            var run = await Task.Factory.StartNew(
                () => WriteLoop(index, feed, timed, traffic, seconds), TaskCreationOptions.LongRunning);
            await Eventually(() => feed.QueuedEvents == 0, TimeSpan.FromSeconds(30));
            var gc = (GC.GetTotalPauseDuration() - gcBefore.Item1, GC.CollectionCount(0) - gcBefore.Item2, GC.CollectionCount(1) - gcBefore.Item3, GC.CollectionCount(2) - gcBefore.Item4);

            // One more check interval plus the deadline: the last probes are due and reported too.
            await Task.Delay(ProbeDeadline + options.CheckInterval + options.CheckInterval);
            await stop.CancelAsync();
            await checking;
            await feeding.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            var trackedEvents = timed.ObservedEvents;
            var handOverShare = run.HandOverMs / (run.WriteMs + run.HandOverMs);
            var cpuShare = timed.ObserveMs / (run.WriteMs + timed.ObserveMs);
            var alone = Enumerable.Range(0, 3).Select(_ => ObserveAlone(tracker, traffic).ToString("N1")).ToList();
            var overview = tracker.Overview(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
            var orders = overview.Processes.Single(p => p.Name == "orders");
            var probes = (seconds + WarmupSeconds) * ProbesPerSecond;
            Report($"{run.Events:N0} events in {run.Batches:N0} batches over {seconds} s after {WarmupSeconds} s of warm-up: index writes {run.WriteMs:N0} ms ({run.WriteMs * 1000 / run.Events:N1} µs per event)");
            Report($"writer's hand-over to the conversation feed {run.HandOverMs:N1} ms (share of ingest time {handOverShare:P3}); feed gaps {feed.Gaps}");
            Report($"tracking on the feed's own thread: {timed.ObserveMs:N0} ms for {trackedEvents:N0} events ({timed.ObserveMs * 1000 / Math.Max(1, trackedEvents):N1} µs per event; CPU beside the writer's {cpuShare:P2})");
            Report($"GC during the run: {gc.Item1.TotalMilliseconds:N0} ms paused, collections gen0 {gc.Item2} / gen1 {gc.Item3} / gen2 {gc.Item4}");
            Report($"Observe alone (no index write, no check running), three rounds: {string.Join(" / ", alone)} µs per event");
            Report($"orders open {orders.Open:N0}, stuck {orders.Stuck:N0}; tracked {overview.Tracked:N0}, overflowed {overview.Overflowed:N0}");
            Report($"probes reported stuck {detection.Count:N0} of {probes:N0}: detection delay p50 {detection.Percentile(50)} ms, p95 {detection.Percentile(95)} ms, max {detection.Percentile(100)} ms");
            Report($"Check over {overview.Tracked:N0} tracked: p50 {checks.Percentile(50)} ms, p95 {checks.Percentile(95)} ms");
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["scenario"] = "conversations",
                ["open"] = orders.Open,
                ["trackingShare"] = Math.Round(handOverShare, 4),
                ["trackerCpuShare"] = Math.Round(cpuShare, 4),
                ["bytesPerConversation"] = Math.Round(bytesPerConversation),
                ["detectionP95Ms"] = detection.Percentile(95) ?? -1,
            }));
            GC.KeepAlive(tracker);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (double WriteMs, double HandOverMs, int Batches, long Events) WriteLoop(
        IEventIndex index, ConversationFeed feed, TimedTracker timed, ConversationsTraffic traffic, int seconds)
    {
        var perBatch = EventsPerSecond / BatchesPerSecond;
        var probesPerBatch = ProbesPerSecond / BatchesPerSecond;
        var clock = Stopwatch.StartNew();
        long writeTicks = 0, handOverTicks = 0, events = 0;
        var warmup = WarmupSeconds * BatchesPerSecond;
        var batches = (seconds * BatchesPerSecond) + warmup;
        for (var i = 0; i < batches; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)BatchesPerSecond);
            if (clock.Elapsed < due)
            {
                Thread.Sleep(due - clock.Elapsed);
            }

            // Batches handed over from here on are the timed ones (the feed may still be on a warm-up batch).
            timed.Timing = i >= warmup;
            var batch = traffic.Tick(perBatch, probesPerBatch, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var start = Stopwatch.GetTimestamp();
            index.Write(batch);
            var written = Stopwatch.GetTimestamp();
            feed.OnCommitted(batch);
            var handedOver = Stopwatch.GetTimestamp();
            if (i >= warmup)
            {
                writeTicks += written - start;
                handOverTicks += handedOver - written;
                events += batch.Count;
            }
        }

        if (clock.Elapsed > TimeSpan.FromSeconds(seconds + WarmupSeconds + 5))
        {
            Report($"the writer fell behind: {batches} batches took {clock.Elapsed.TotalSeconds:N1} s");
        }

        return (Ms(writeTicks), Ms(handOverTicks), batches - warmup, events);
    }

    private static async Task Eventually(Func<bool> condition, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < limit)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>Observe on its own after the run (warm, no lock held by Check), to tell its cost from waits and GC pauses.</summary>
    private static double ObserveAlone(ConversationTracker tracker, ConversationsTraffic traffic)
    {
        var batches = Enumerable.Range(0, 20).Select(_ => traffic.Tick(EventsPerSecond / BatchesPerSecond, 0, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())).ToList();
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in batches)
        {
            tracker.Observe(batch);
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / batches.Sum(b => b.Count);
    }

    private static async Task CheckLoopAsync(
        ConversationTracker tracker, TimeSpan interval, LatencyRecorder detection, LatencyRecorder checks, CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancel))
            {
                var started = Stopwatch.GetTimestamp();
                var alerts = tracker.Check(DateTimeOffset.UtcNow);
                var returned = DateTimeOffset.UtcNow;
                checks.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                foreach (var alert in alerts)
                {
                    if (alert.Kind == ConversationAlertKind.Stuck && alert.Conversation.DueAt is { } due)
                    {
                        detection.Record((returned - due).TotalMilliseconds);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static long FullGcHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static void Report(string line) => Console.Error.WriteLine($"[conversations] {line}");
}
