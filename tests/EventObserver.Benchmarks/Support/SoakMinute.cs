namespace EventObserver.Benchmarks.Support;

/// <summary>One minute of a soak: the app's RSS at its end, the latency p95s within it, and the index at its end.</summary>
internal sealed record SoakMinute(
    int Minute,
    double RssMb,
    double? BrowserP95Ms,
    int BrowserSamples,
    double? HubP95Ms,
    int HubSamples,
    long? IndexedEvents,
    double? IndexSizeMb);
