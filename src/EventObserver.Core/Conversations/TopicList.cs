using System.Runtime.CompilerServices;

namespace EventObserver.Core.Conversations;

/// <summary>
/// Small sets of interned topic names kept as arrays (a conversation touches a handful of topics). The arrays are never
/// changed once made, so every conversation that went through the same topics in the same order shares one array: a
/// message on a new topic costs a lookup here instead of an allocation, which keeps the tracker out of the garbage
/// collector's way on a busy cluster.
/// </summary>
internal sealed class TopicList
{
    // Distinct topic sets are few; a flood of generated topic names must not grow the table without bound.
    private const int MaxShared = 10_000;

    private readonly Dictionary<(string[] Set, string Topic), string[]> _grown = new(SameReferences.Instance);

    public string[] Add(string[] names, string name)
    {
        foreach (var existing in names)
        {
            if (ReferenceEquals(existing, name) || existing == name)
            {
                return names;
            }
        }

        if (_grown.TryGetValue((names, name), out var shared))
        {
            return shared;
        }

        var grown = new string[names.Length + 1];
        names.CopyTo(grown, 0);
        grown[^1] = name;
        if (_grown.Count < MaxShared)
        {
            _grown[(names, name)] = grown;
        }

        return grown;
    }

    public void Clear() => _grown.Clear();

    private sealed class SameReferences : IEqualityComparer<(string[] Set, string Topic)>
    {
        public static readonly SameReferences Instance = new();

        public bool Equals((string[] Set, string Topic) x, (string[] Set, string Topic) y) =>
            ReferenceEquals(x.Set, y.Set) && ReferenceEquals(x.Topic, y.Topic);

        public int GetHashCode((string[] Set, string Topic) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Set), RuntimeHelpers.GetHashCode(obj.Topic));
    }
}
