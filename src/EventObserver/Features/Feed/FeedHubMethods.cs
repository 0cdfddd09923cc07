namespace EventObserver.Features.Feed;

/// <summary>Names of the client methods the hub calls.</summary>
public static class FeedHubMethods
{
    /// <summary><c>ReceiveEvents(FeedEventDto[] batch)</c>: matching events, oldest first.</summary>
    public const string ReceiveEvents = "ReceiveEvents";

    /// <summary><c>Dropped(long count)</c>: this many events were dropped since the last notice because the client did not keep up.</summary>
    public const string Dropped = "Dropped";
}
