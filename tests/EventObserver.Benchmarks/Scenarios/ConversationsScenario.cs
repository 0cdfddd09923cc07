using System.Diagnostics;
using System.Text.Json;
using EventObserver.Benchmarks.Support;
using EventObserver.Core.Conversations;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Index;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>conversations</c>: 100,000 open order conversations tracked while the real LiteDB index takes 5,000
/// events/s in 10 batches a second, the tracker told about each committed batch as the app's writer tells its
/// observers. Prints tracking's share of the writer's time, heap bytes per open conversation, and how long after its
/// deadline a never-answered probe conversation is reported stuck by Check on a real 1 s timer.
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
            var observer = new TrackerObserver(tracker);
            var startMs = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds();
            for (var filled = 0; filled < OpenConversations; filled += 5_000)
            {
                observer.OnCommitted(traffic.Prefill(5_000, startMs + filled));
            }

            var heapAfter = FullGcHeap();
            var bytesPerConversation = (heapAfter - heapBefore) / (double)OpenConversations;
            Report($"pre-filled {traffic.OpenOrders:N0} open conversations: heap +{(heapAfter - heapBefore) / 1048576.0:N1} MiB, {bytesPerConversation:N0} bytes each");

            using var index = LiteDbEventIndex.Open(Path.Combine(directory, "index.db"));
            var detection = new LatencyRecorder();
            var checks = new LatencyRecorder();
            using var stop = new CancellationTokenSource();
            var checking = CheckLoopAsync(tracker, options.CheckInterval, detection, checks, stop.Token);

            var (writeMs, observeMs, batches, events) = await Task.Factory.StartNew(
                () => WriteLoop(index, observer, traffic, seconds), TaskCreationOptions.LongRunning);
            // One more check interval plus the deadline: the last probes are due and reported too.
            await Task.Delay(ProbeDeadline + options.CheckInterval + options.CheckInterval);
            await stop.CancelAsync();
            await checking;

            var share = observeMs / (writeMs + observeMs);
            var alone = Enumerable.Range(0, 3).Select(_ => ObserveAlone(observer, traffic).ToString("N1")).ToList();
            Report($"Observe alone (no index write, no check running), three rounds: {string.Join(" / ", alone)} µs per event");
            var orders = tracker.Overview(DateTimeOffset.UtcNow, TimeSpan.FromHours(1)).Processes.Single(p => p.Name == "orders");
            var overview = tracker.Overview(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
            var probes = (seconds + WarmupSeconds) * ProbesPerSecond;
            Report($"{events:N0} events in {batches:N0} batches over {seconds} s after {WarmupSeconds} s of warm-up: index writes {writeMs:N0} ms, Observe {observeMs:N0} ms (share {share:P2}, {observeMs * 1000 / events:N1} µs per event)");
            Report($"orders open {orders.Open:N0}, stuck {orders.Stuck:N0}; tracked {overview.Tracked:N0}, overflowed {overview.Overflowed:N0}");
            Report($"probes reported stuck {detection.Count:N0} of {probes:N0}: detection delay p50 {detection.Percentile(50)} ms, p95 {detection.Percentile(95)} ms, max {detection.Percentile(100)} ms");
            Report($"Check over {overview.Tracked:N0} tracked: p50 {checks.Percentile(50)} ms, p95 {checks.Percentile(95)} ms");
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["scenario"] = "conversations",
                ["open"] = orders.Open,
                ["trackingShare"] = Math.Round(share, 4),
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

    private static (double WriteMs, double ObserveMs, int Batches, long Events) WriteLoop(
        LiteDbEventIndex index, ICommittedBatchObserver observer, ConversationsTraffic traffic, int seconds)
    {
        var perBatch = EventsPerSecond / BatchesPerSecond;
        var probesPerBatch = ProbesPerSecond / BatchesPerSecond;
        var clock = Stopwatch.StartNew();
        long writeTicks = 0, observeTicks = 0, events = 0;
        var warmup = WarmupSeconds * BatchesPerSecond;
        var batches = (seconds * BatchesPerSecond) + warmup;
        for (var i = 0; i < batches; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)BatchesPerSecond);
            if (clock.Elapsed < due)
            {
                Thread.Sleep(due - clock.Elapsed);
            }

            var batch = traffic.Tick(perBatch, probesPerBatch, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var start = Stopwatch.GetTimestamp();
            index.Write(batch);
            var written = Stopwatch.GetTimestamp();
            observer.OnCommitted(batch);
            var observed = Stopwatch.GetTimestamp();
            if (i >= warmup)
            {
                writeTicks += written - start;
                observeTicks += observed - written;
                events += batch.Count;
            }
        }

        if (clock.Elapsed > TimeSpan.FromSeconds(seconds + WarmupSeconds + 5))
        {
            Report($"the writer fell behind: {batches} batches took {clock.Elapsed.TotalSeconds:N1} s");
        }

        return (Ms(writeTicks), Ms(observeTicks), batches - warmup, events);
    }

    /// <summary>Observe on its own after the run (warm, no lock held by Check), to tell its cost from waits and GC pauses.</summary>
    private static double ObserveAlone(ICommittedBatchObserver observer, ConversationsTraffic traffic)
    {
        var batches = Enumerable.Range(0, 20).Select(_ => traffic.Tick(EventsPerSecond / BatchesPerSecond, 0, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())).ToList();
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in batches)
        {
            observer.OnCommitted(batch);
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

    /// <summary>The tracker as the app registers it: an observer of committed batches.</summary>
    private sealed class TrackerObserver(IConversationTracker tracker) : ICommittedBatchObserver
    {
        public void OnCommitted(IReadOnlyList<EventEnvelope> batch) => tracker.Observe(batch);
    }
}
