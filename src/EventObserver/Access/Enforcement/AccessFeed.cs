using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;

namespace EventObserver.Access.Enforcement;

/// <summary>
/// The live feed as one user sees it: the feed page and the hub subscribe and read recent events through here. With a
/// transparent view the feed's own subscription and list are returned untouched (no per-event cost); otherwise each
/// event is checked with a cached per-topic answer and masked where rules apply.
/// </summary>
public static class AccessFeed
{
    public static IFeedSubscription Subscribe(ILiveFeed feed, EventSelection filter, int capacity, AccessView view)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(view);
        var subscription = feed.Subscribe(filter, capacity);
        return view.IsTransparentLive ? subscription : new AccessFilteredSubscription(subscription, view);
    }

    /// <summary>
    /// The newest <paramref name="max"/> events of the feed's ring that match and that the user may see, newest first.
    /// For a restricted user the whole ring is matched (it is bounded) so denied events do not crowd out readable ones.
    /// </summary>
    public static IReadOnlyList<EventEnvelope> Recent(ILiveFeed feed, EventSelection filter, int max, AccessView view)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(view);
        if (view.IsTransparentLive)
        {
            return feed.Recent(filter, max);
        }

        var shown = new List<EventEnvelope>();
        foreach (var envelope in feed.Recent(filter, view.FiltersTopics ? int.MaxValue : max))
        {
            if (shown.Count >= max)
            {
                break;
            }

            if (view.TryShow(filter, envelope, out var visible))
            {
                shown.Add(visible);
            }
        }

        return shown;
    }
}
