namespace EventObserver.Benchmarks.Scenarios;

/// <summary>The keys, JSON values and headers an ingest run produces: the 1 KB bench events or the demo-like ones.</summary>
internal sealed record BenchTraffic(string Name, Func<int, byte[]> Key, Func<int, byte[]> Value, Func<int, List<(string Key, byte[] Value)>> Headers)
{
    public static BenchTraffic Bench { get; } = new("bench", BenchEvents.Key, BenchEvents.Value, BenchEvents.Headers);

    public static BenchTraffic DemoLike { get; } = new("demo", DemoLikeEvents.Key, DemoLikeEvents.Value, DemoLikeEvents.Headers);
}
