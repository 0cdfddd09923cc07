namespace EventObserver.Core.Conversations;

/// <summary>Where the tracker's snapshot is kept across restarts (<c>conversations.db</c> beside the index).</summary>
public interface IConversationSnapshotStore
{
    /// <summary>The last saved snapshot, or null when none (first start, or the file was unreadable: logged).</summary>
    byte[]? Load();

    /// <summary>Replaces the saved snapshot atomically (a crash leaves the old or the new one).</summary>
    void Save(byte[] snapshot);
}
