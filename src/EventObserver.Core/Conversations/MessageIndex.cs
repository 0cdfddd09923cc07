namespace EventObserver.Core.Conversations;

/// <summary>
/// Recent message ids → the conversation key, type and source, bounded first-in first-out. Links causation-only
/// messages to their conversation, names the cause of a reaction, and spots a message seen twice (a producer retry).
/// </summary>
internal sealed class MessageIndex
{
    private readonly Dictionary<string, MessageRef> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _capacity;

    public MessageIndex(int capacity) => _capacity = capacity;

    public int Count => _byId.Count;

    public bool TryGet(string messageId, out MessageRef found) => _byId.TryGetValue(messageId, out found);

    /// <summary>False when the id is known already (the message was seen before).</summary>
    public bool TryAdd(string messageId, MessageRef message)
    {
        if (!_byId.TryAdd(messageId, message))
        {
            return false;
        }

        _order.Enqueue(messageId);
        if (_order.Count > _capacity)
        {
            _byId.Remove(_order.Dequeue());
        }

        return true;
    }

    /// <summary>Oldest first, the order a snapshot keeps.</summary>
    public IEnumerable<(string Id, MessageRef Message)> OldestFirst()
    {
        foreach (var id in _order)
        {
            yield return (id, _byId[id]);
        }
    }

    public void Clear()
    {
        _byId.Clear();
        _order.Clear();
    }

    internal readonly record struct MessageRef(string Key, string Type, string? Source);
}
