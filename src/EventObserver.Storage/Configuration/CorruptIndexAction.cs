namespace EventObserver.Storage.Configuration;

/// <summary>What the app does when the index file cannot be read at start (<c>EventObserver:Storage:OnCorrupt</c>).</summary>
public enum CorruptIndexAction
{
    /// <summary>Move the file to <c>archive/</c> and rebuild the index from the earliest offsets Kafka still has.</summary>
    Rebuild,

    /// <summary>Leave the file where it is and stop the app with an error (for operators who want to look first).</summary>
    Stop,
}
