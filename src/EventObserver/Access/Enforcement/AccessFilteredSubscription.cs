using System.Threading.Channels;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;

namespace EventObserver.Access.Enforcement;

/// <summary>A live-feed subscription whose reader gives only what one user may see (see <see cref="AccessFilteredReader"/>).</summary>
internal sealed class AccessFilteredSubscription : IFeedSubscription
{
    private readonly IFeedSubscription _inner;

    public AccessFilteredSubscription(IFeedSubscription inner, AccessView view)
    {
        _inner = inner;
        Reader = new AccessFilteredReader(inner.Reader, inner.Filter, view);
    }

    public EventSelection Filter => _inner.Filter;

    public ChannelReader<EventEnvelope> Reader { get; }

    public long Dropped => _inner.Dropped;

    public void Dispose() => _inner.Dispose();
}
