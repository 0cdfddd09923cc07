using EventObserver.Core.Selection;

namespace EventObserver.Features.Groups;

/// <summary>Addresses of the groups pages and of the feed at a group's position (relative to the app's base).</summary>
public static class GroupLinks
{
    public static string Group(string groupId) => "groups/" + Uri.EscapeDataString(groupId);

    /// <summary>
    /// The live feed filtered to one partition from <paramref name="committedOffset"/> on: the events the group has not
    /// consumed yet (the whole partition when it never committed).
    /// </summary>
    public static string FeedAt(string topic, int partition, long? committedOffset) =>
        "./?" + EventSelectionQuery.ToQuery(new EventSelection
        {
            Topics = [topic],
            Ranges = [new PartitionRange(topic, partition, committedOffset, null)],
        });
}
