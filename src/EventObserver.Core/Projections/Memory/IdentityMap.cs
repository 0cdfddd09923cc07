using System.Numerics;
using System.Runtime.CompilerServices;

namespace EventObserver.Core.Projections.Memory;

/// <summary>
/// Object identity → int, open addressing over <see cref="RuntimeHelpers.GetHashCode(object)"/>. The heap walk probes
/// it once per object it reaches; a <see cref="Dictionary{TKey,TValue}"/> with a reference comparer costs about twice
/// as much per probe (interface calls, entry chains). Not thread-safe.
/// </summary>
internal sealed class IdentityMap
{
    private const int MinCapacity = 1024;
    private const int MaxKeptCapacity = 1 << 18;

    private object?[] _keys = new object?[MinCapacity];
    private int[] _values = new int[MinCapacity];
    private int _mask = MinCapacity - 1;

    public int Count { get; private set; }

    /// <summary>The slot of <paramref name="key"/>; a new slot (value 0) when absent, and <paramref name="added"/> says so.</summary>
    public ref int GetOrAdd(object key, out bool added)
    {
        var i = Hash(key) & _mask;
        while (true)
        {
            var existing = _keys[i];
            if (existing is null)
            {
                if ((Count + 1) * 2 > _keys.Length)
                {
                    Grow();
                    return ref GetOrAdd(key, out added);
                }

                _keys[i] = key;
                _values[i] = 0;
                Count++;
                added = true;
                return ref _values[i];
            }

            if (ReferenceEquals(existing, key))
            {
                added = false;
                return ref _values[i];
            }

            i = (i + 1) & _mask;
        }
    }

    public bool TryGet(object key, out int value)
    {
        var i = Hash(key) & _mask;
        while (_keys[i] is { } existing)
        {
            if (ReferenceEquals(existing, key))
            {
                value = _values[i];
                return true;
            }

            i = (i + 1) & _mask;
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// Empties the map. The table is kept for the next use (growing it again each time costs more than clearing it),
    /// unless it is large and this use needed little of it: one big walk does not keep megabytes alive for good.
    /// </summary>
    public void Clear()
    {
        if (_keys.Length > MaxKeptCapacity && Count * 8 < _keys.Length)
        {
            var capacity = Math.Max(MinCapacity, (int)BitOperations.RoundUpToPowerOf2((uint)(Count * 4 + 1)));
            _keys = new object?[capacity];
            _values = new int[capacity];
            _mask = capacity - 1;
        }
        else
        {
            Array.Clear(_keys);
        }

        Count = 0;
    }

    // The runtime's identity hash is already a pseudo-random number per object.
    private static int Hash(object key) => RuntimeHelpers.GetHashCode(key);

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        var capacity = keys.Length * 2;
        _keys = new object?[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
        for (var j = 0; j < keys.Length; j++)
        {
            if (keys[j] is { } key)
            {
                var i = Hash(key) & _mask;
                while (_keys[i] is not null)
                {
                    i = (i + 1) & _mask;
                }

                _keys[i] = key;
                _values[i] = values[j];
            }
        }
    }
}
