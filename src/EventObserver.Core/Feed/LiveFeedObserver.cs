using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Core.Feed;

/// <summary>Publishes each committed batch to the <see cref="ILiveFeed"/>, so the feed only shows what the index holds.</summary>
public sealed class LiveFeedObserver(ILiveFeed feed) : ISharedIndexBatchObserver
{
    public void OnCommitted(IReadOnlyList<EventEnvelope> batch) => feed.Publish(batch);
}
