namespace EventObserver.Core.Feed;

/// <summary>
/// Bounds of the live feed's ring buffer of recent events (configuration section <c>EventObserver:Feed</c>).
/// The ring keeps whole envelopes (the detail view needs them), so it is bounded by count AND by bytes:
/// the oldest events leave when either limit is passed.
/// </summary>
public sealed class LiveFeedOptions
{
    /// <summary>Most events kept for <see cref="ILiveFeed.Recent"/>.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>
    /// Most bytes kept (payload, key, headers and a fixed per-event overhead, see <see cref="LiveFeed.EstimateBytes"/>).
    /// The newest event is always kept, even when it alone is larger.
    /// </summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The share of one core all subscribers' filters may use together (free-text scans are the costly part). Filters
    /// never run on the ingestion thread; past this share, subscribers wait and, when their queue is full, drop events.
    /// </summary>
    public double FilterCoreShare { get; set; } = 0.5;
}
