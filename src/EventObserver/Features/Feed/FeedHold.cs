namespace EventObserver.Features.Feed;

/// <summary>Why the live feed holds its rows still while the user reads them (any of them holds it).</summary>
[Flags]
public enum FeedHold
{
    None = 0,

    /// <summary>The pointer is over the list of rows.</summary>
    Pointer = 1,

    /// <summary>The list is scrolled away from its top (the newest rows).</summary>
    Scrolled = 2,

    /// <summary>A row has the keyboard focus.</summary>
    Focus = 4,
}
