namespace EventObserver.Features.Conversations;

/// <summary>Addresses (relative to the app's base) of a conversation's lineage and replay, and of the page at a process.</summary>
public static class ConversationLinks
{
    /// <summary>The lineage graph of the whole conversation (the form the flow map's examples use).</summary>
    public static string Lineage(string key) => "lineage?correlation=" + Uri.EscapeDataString(key);

    /// <summary>The replay page with its selection set to the conversation's correlation id.</summary>
    public static string Replay(string key) => "replay?correlationId=" + Uri.EscapeDataString(key);

    /// <summary>The conversations page with a process selected (what webhook messages link to).</summary>
    public static string Process(string name) => "conversations?process=" + Uri.EscapeDataString(name);
}
