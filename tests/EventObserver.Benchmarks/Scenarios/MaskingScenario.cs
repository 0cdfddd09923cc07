using System.Diagnostics;
using System.Text.Json;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>masking</c>: the cost per event of <see cref="EventMasker.Mask"/> on the replay scenario's demo-like
/// ~1 KB order events (one thread, events in memory). The headline figure is one JSON path rule that masks a value in
/// every event (<c>$.customerId</c>, Mask); for context also a topic no rule applies to (the fast path), Hash,
/// a wildcard path over every order line and a pattern over every string value, and the floor any JSON path rule
/// stands on: reading each payload once with <see cref="Utf8JsonReader"/> and nothing else (the decoder pays the same
/// read at ingest). On a busy machine the ratio to that floor says more than the nanoseconds. Each figure is the median
/// of the rounds; allocations are the thread's allocated bytes per event, the masked copy included.
/// </summary>
internal static class MaskingScenario
{
    private const int Rounds = 7;
    private const string Salt = "benchmark-salt-0123456789";

    public static void Run(int events)
    {
        var data = ReplayBenchEvents.Batches(events, 10_000).SelectMany(b => b).ToArray();
        var payloadBytes = data.Average(e => e.Payload!.Length);
        Report($"{data.Length:N0} demo-like events in memory, {payloadBytes:N0} payload bytes on average");

        var read = Time("reading each payload once (Utf8JsonReader)", data, ReadAll);
        var headline = Measure("one JSON path rule, Mask", data, Rule("$.customerId", MaskingAction.Mask));
        var fastPath = Measure("a rule for another topic (fast path)", data, Rule("$.customerId", MaskingAction.Mask, topic: "^no-such-topic$"));
        var hash = Measure("one JSON path rule, Hash", data, Rule("$.customerId", MaskingAction.Hash));
        var wildcard = Measure("$.lines[*].unitPrice, KeepLast4", data, Rule("$.lines[*].unitPrice", MaskingAction.KeepLast4));
        var pattern = Measure("pattern over every string value", data, new MaskingRule { Pattern = "customer-[0-9]+" });

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["scenario"] = "masking",
            ["events"] = data.Length,
            ["rule"] = "$.customerId Mask",
            ["nsPerEvent"] = headline.Ns,
            ["bytesPerEvent"] = headline.Bytes,
            ["payloadBytes"] = Math.Round(payloadBytes),
            ["readNsPerEvent"] = read.Ns,
            ["ratioToRead"] = Math.Round(headline.Ns / read.Ns, 2),
            ["fastPathNsPerEvent"] = fastPath.Ns,
            ["fastPathBytesPerEvent"] = fastPath.Bytes,
            ["hashNsPerEvent"] = hash.Ns,
            ["wildcardNsPerEvent"] = wildcard.Ns,
            ["patternNsPerEvent"] = pattern.Ns,
        }));
    }

    private static MaskingRule Rule(string path, MaskingAction action, string? topic = null) =>
        new() { JsonPath = path, Action = action, Topic = topic };

    private static (double Ns, double Bytes) Measure(string what, EventEnvelope[] data, MaskingRule rule)
    {
        var masker = new EventMasker(new MaskingOptions { Rules = [rule], HashSalt = Salt });
        return Time(what, data, events => MaskAll(masker, events));
    }

    /// <param name="what">For the report.</param>
    /// <param name="data">The events.</param>
    /// <param name="run">One pass over the events; returns how many it changed.</param>
    private static (double Ns, double Bytes) Time(string what, EventEnvelope[] data, Func<EventEnvelope[], long> run)
    {
        run(data); // JIT, per-topic rule choice, per-thread workspace
        var times = new List<double>();
        var bytes = new List<double>();
        var changed = 0L;
        for (var round = 0; round < Rounds; round++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            changed = run(data);
            clock.Stop();
            times.Add(clock.Elapsed.TotalNanoseconds / data.Length);
            bytes.Add((GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)data.Length);
        }

        var result = (Math.Round(Median(times), 1), Math.Round(Median(bytes)));
        Report($"{what}: {result.Item1:N1} ns/event, {result.Item2:N0} bytes/event allocated, {changed:N0} of {data.Length:N0} events changed");
        return result;
    }

    private static long ReadAll(EventEnvelope[] data)
    {
        var tokens = 0L;
        foreach (var envelope in data)
        {
            var reader = new Utf8JsonReader(envelope.Payload);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens > 0 ? 0 : -1;
    }

    private static long MaskAll(EventMasker masker, EventEnvelope[] data)
    {
        var changed = 0L;
        foreach (var envelope in data)
        {
            if (!ReferenceEquals(masker.Mask(envelope), envelope))
            {
                changed++;
            }
        }

        return changed;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static void Report(string line) => Console.Error.WriteLine(line);
}
