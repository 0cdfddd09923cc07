using System.Runtime.InteropServices;

namespace EventObserver.Core.Conversations;

/// <summary>
/// Recent message ids → the conversation key, type and source, bounded first-in first-out. Links causation-only
/// messages to their conversation, names the cause of a reaction, and spots a message seen twice (a producer retry).
/// Ids are kept as 64-bit hashes: no id string stays alive, and a lookup never chases one through memory (a collision
/// among a few hundred thousand ids is about one in a billion).
/// </summary>
internal sealed class MessageIndex
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private readonly Dictionary<ulong, MessageRef> _byId = [];
    private readonly Queue<ulong> _order = new();
    private readonly int _capacity;

    public MessageIndex(int capacity) => _capacity = capacity;

    public int Count => _byId.Count;

    /// <summary>
    /// FNV-1a over the UTF-16 text four characters (one 64-bit word) at a time, then a final avalanche: stable across
    /// processes, so snapshots keep working, and a quarter of the multiplications of a byte-wise FNV (ids are usually
    /// 36-character GUIDs and this runs once or twice per message).
    /// </summary>
    public static ulong Hash(string messageId)
    {
        var hash = FnvOffset ^ (ulong)messageId.Length;
        var words = MemoryMarshal.Cast<char, ulong>(messageId.AsSpan());
        foreach (var word in words)
        {
            hash = (hash ^ word) * FnvPrime;
            hash ^= hash >> 29;
        }

        for (var i = words.Length * 4; i < messageId.Length; i++)
        {
            hash = (hash ^ messageId[i]) * FnvPrime;
        }

        // splitmix64's finalizer: the dictionary uses the low bits, which FNV alone mixes poorly for word-sized input.
        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EB;
        return hash ^ (hash >> 31);
    }

    public bool TryGet(string messageId, out MessageRef found) => _byId.TryGetValue(Hash(messageId), out found);

    /// <summary>False when the id is known already (the message was seen before).</summary>
    public bool TryAdd(string messageId, MessageRef message) => TryAdd(Hash(messageId), message);

    public bool TryAdd(ulong idHash, MessageRef message)
    {
        if (!_byId.TryAdd(idHash, message))
        {
            return false;
        }

        _order.Enqueue(idHash);
        if (_order.Count > _capacity)
        {
            _byId.Remove(_order.Dequeue());
        }

        return true;
    }

    /// <summary>Oldest first, the order a snapshot keeps.</summary>
    public IEnumerable<(ulong IdHash, MessageRef Message)> OldestFirst()
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
