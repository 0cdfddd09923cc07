using EventObserver.Core.Conversations;

namespace EventObserver.TestSupport.Conversations;

/// <summary>A view that answers with what the test put in it and remembers what it was asked.</summary>
public sealed class FakeConversationView : IConversationView
{
    public ConversationsOverview Current { get; set; } = new();

    public List<ConversationInfo> Tracked { get; } = [];

    public TimeSpan? LastWindow { get; private set; }

    /// <summary>Every window asked for, in order.</summary>
    public List<TimeSpan> Windows { get; } = [];

    public int? LastLimit { get; private set; }

    public ConversationsOverview Overview(DateTimeOffset now, TimeSpan window)
    {
        LastWindow = window;
        Windows.Add(window);
        return Current;
    }

    public IReadOnlyList<ConversationInfo> Conversations(string process, ConversationStatus? status, int limit)
    {
        LastLimit = limit;
        var mine = Tracked.Where(c => c.Process == process);
        var shown = status is { } only
            ? mine.Where(c => c.Status == only)
            : mine.Where(c => c.Status == ConversationStatus.Stuck).Concat(mine.Where(c => c.Status == ConversationStatus.Open));
        return [.. shown.Take(limit)];
    }

    public ConversationInfo? Find(string key) => Tracked.FirstOrDefault(c => c.Key == key);
}
