using EventObserver.Components.Shared;

namespace EventObserver.Features.Feed;

/// <summary>The feed toolbar's counts and states in words (singular and plural, one count per text).</summary>
public static class FeedText
{
    public static string RowsInView(int rows) => rows == 1 ? "1 row in view" : $"{DisplayFormat.Count(rows)} rows in view";

    public static string NewEvents(long events) => events == 1 ? "1 new event" : $"{DisplayFormat.Count(events)} new events";

    /// <summary>Why the view holds still on its own, e.g. "while the pointer is on the list"; empty when it does not.</summary>
    public static string HoldReason(FeedHold hold)
    {
        List<string> reasons = [];
        if (hold.HasFlag(FeedHold.Scrolled))
        {
            reasons.Add("the list is scrolled down");
        }

        if (hold.HasFlag(FeedHold.Focus))
        {
            reasons.Add("a row has the focus");
        }

        if (hold.HasFlag(FeedHold.Pointer))
        {
            reasons.Add("the pointer is on the list");
        }

        return reasons.Count == 0 ? "" : "while " + string.Join(" and ", reasons);
    }
}
