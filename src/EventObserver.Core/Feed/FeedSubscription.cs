using System.Threading.Channels;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Feed;

/// <summary>A bounded, drop-oldest queue of matching events for one subscriber of a <see cref="LiveFeed"/>.</summary>
internal sealed class FeedSubscription : IFeedSubscription
{
    private readonly Channel<EventEnvelope> _channel;
    private readonly Action<FeedSubscription> _remove;
    private long _dropped;
    private int _disposed;

    public FeedSubscription(FeedFilter filter, int capacity, Action<FeedSubscription> remove)
    {
        Filter = filter;
        _remove = remove;
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = false,
            SingleWriter = false,
        };
        _channel = Channel.CreateBounded<EventEnvelope>(options, _ => Interlocked.Increment(ref _dropped));
    }

    public FeedFilter Filter { get; }

    public ChannelReader<EventEnvelope> Reader => _channel.Reader;

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues the events of <paramref name="batch"/> that pass the filter; never waits.</summary>
    public void Offer(IReadOnlyList<EventEnvelope> batch)
    {
        var writer = _channel.Writer;
        var everything = Filter.IsEmpty;
        for (var i = 0; i < batch.Count; i++)
        {
            var envelope = batch[i];
            if (everything || Filter.Matches(envelope))
            {
                // With DropOldest a write only fails once the channel is completed (disposed): nothing to count then.
                writer.TryWrite(envelope);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _remove(this);
            _channel.Writer.TryComplete();
        }
    }
}
