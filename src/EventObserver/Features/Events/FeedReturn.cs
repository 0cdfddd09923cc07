namespace EventObserver.Features.Events;

/// <summary>
/// The way back from an event's detail to the feed it was opened from, filters included: the feed passes its own
/// address in <c>?back=</c> when it links to a detail, and the detail's "← Live feed" follows it. Only an address of
/// the feed itself is followed, so a crafted link cannot send the user to another page or site.
/// </summary>
public static class FeedReturn
{
    /// <summary>The detail's query parameter holding the feed's address ("/?topic=orders&amp;kind=Event").</summary>
    public const string Parameter = "back";

    /// <summary>The detail link for a row of the feed at <paramref name="feedUri"/>; unchanged when the feed has no filter.</summary>
    /// <param name="detailHref">The event's detail link (<c>events/{topic}/{partition}/{offset}</c>).</param>
    /// <param name="feedUri">The feed's current address, absolute or relative.</param>
    public static string DetailHref(string detailHref, string feedUri)
    {
        ArgumentNullException.ThrowIfNull(detailHref);
        var query = QueryOf(feedUri);
        return query.Length == 0 ? detailHref : $"{detailHref}?{Parameter}={Uri.EscapeDataString("/?" + query)}";
    }

    /// <summary>Where "← Live feed" goes: the feed at <paramref name="back"/> when that is the feed's address, else the unfiltered feed.</summary>
    public static string BackHref(string? back) => IsFeedAddress(back) && back!.Length > 2 ? "./" + back[1..] : "./";

    /// <summary>True for "/" and "/?query": this app's feed, with no other path, host, scheme or fragment.</summary>
    public static bool IsFeedAddress(string? back) =>
        back is { Length: > 0 }
        && (back == "/" || back.StartsWith("/?", StringComparison.Ordinal))
        && !back.Contains('#', StringComparison.Ordinal)
        && !back.Any(char.IsControl);

    /// <summary>The query without its "?" and without a fragment; empty when there is none.</summary>
    private static string QueryOf(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return "";
        }

        var fragment = uri.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = fragment < 0 ? uri : uri[..fragment];
        var start = withoutFragment.IndexOf('?', StringComparison.Ordinal);
        return start < 0 ? "" : withoutFragment[(start + 1)..];
    }
}
