using System.Globalization;

namespace EventObserver.Benchmarks.Support;

/// <summary>Collections per generation, pause time and allocated bytes at one moment, to report what a section cost the GC.</summary>
internal readonly record struct GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated)
{
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    public string Since(GcCounts before) => string.Create(CultureInfo.InvariantCulture,
        $"GC {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2} (gen0/1/2) collections, {(Pause - before.Pause).TotalSeconds:N2} s paused, {(Allocated - before.Allocated) / 1e9:N1} GB allocated");
}
