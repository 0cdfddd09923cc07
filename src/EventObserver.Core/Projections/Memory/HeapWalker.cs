using System.Runtime.CompilerServices;
using Jint.Native;
using Jint.Runtime;

namespace EventObserver.Core.Projections.Memory;

/// <summary>
/// Measures what a sandbox keeps alive by walking the .NET object graph from its roots, every reference field of every
/// object (Jint's closure environments, shapes, map entries and weak tables included), so nothing a script can reach
/// is missed. One measurement is <see cref="WalkRoots"/> followed by <see cref="WalkPartition"/> for each partition state
/// that may have changed; objects are counted once per measurement.
/// </summary>
/// <remarks>
/// A partition walk stops where its state reaches something else: an object the root walk counted (a script
/// variable, the event factory), or one another partition counted. Reaching a mutable one of those makes the
/// partition <em>entangled</em>: its size may change without its own handler running, so it is walked again at every
/// measurement until it no longer shares anything. Objects that stay reachable for the engine's life are
/// <em>pinned</em>: the walker keeps them as roots, so sharing them entangles nothing (prototypes, shapes, syntax
/// trees, the event factory's strings). Short strings and numbers never change: they are counted wherever met (once
/// per walk), never entangle, and cost no slot in the table. Not thread-safe.
/// </remarks>
internal sealed class HeapWalker
{
    private const int Rooted = -1;
    private const int Pinned = -2;
    private const int Ignored = -3;
    private const int MaxLeafStringLength = 1024;
    private const int RecentSize = 4096;

    private readonly IdentityMap _seen = new();
    private readonly HashSet<object> _pinned = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, ObjectLayout> _layouts = [];
    private readonly (Type? Type, ObjectLayout? Layout)[] _recentLayouts = new (Type?, ObjectLayout?)[64];

    // Pinned objects met lately, by identity hash: event types, literals, constructors and shapes recur in every state.
    private readonly object?[] _recentPinned = new object?[RecentSize];

    // Leaves met lately and by which walk (measurement << 32 | owner): a leaf one state repeats (a cached 0 in a big
    // array) counts once; one the roots or another state also hold counts for each, which over-counts, never hides.
    private readonly object?[] _recentLeaves = new object?[RecentSize];
    private readonly long[] _recentLeafWalks = new long[RecentSize];
    private readonly long _flatStringSize = ObjectLayout.Of(typeof(JsString)).Size;
    private readonly long _numberSize = ObjectLayout.Of(typeof(JsNumber)).Size;
    private readonly WalkStack _stack = new();
    private readonly WalkStack _children = new();
    private readonly List<int> _entangledOwners = [];
    private object? _lastPinnedPrototype;
    private long _measurement;

    /// <summary>Owners (partition walk numbers) whose objects a later partition walk of this measurement reached.</summary>
    public IReadOnlyList<int> EntangledOwners => _entangledOwners;

    /// <summary>Keeps <paramref name="item"/> counted by every later root walk, so states may share it freely.</summary>
    public void Pin(object item) => _pinned.Add(item);

    /// <summary>Starts a measurement: counts everything reachable from <paramref name="roots"/> and the pinned objects.</summary>
    public long WalkRoots(IEnumerable<object> roots)
    {
        Reset();
        _measurement++;
        foreach (var pinned in _pinned)
        {
            if (IsLeaf(pinned))
            {
                _recentPinned[RuntimeHelpers.GetHashCode(pinned) & (RecentSize - 1)] = pinned;
            }

            _stack.Push(pinned);
        }

        foreach (var root in roots)
        {
            _stack.Push(root);
        }

        long bytes = 0;
        while (!_stack.IsEmpty)
        {
            var item = _stack.Pop();
            var leaf = LeafSize(item, Rooted);
            if (leaf >= 0)
            {
                bytes += leaf;
                continue;
            }

            ref var tag = ref _seen.GetOrAdd(item, out var added);
            if (!added)
            {
                continue;
            }

            var layout = Layout(item);
            if (layout.Ignored)
            {
                tag = Ignored;
                continue;
            }

            if (!layout.EngineOwned)
            {
                tag = Rooted;
                bytes += CountAndPush(item, layout, _stack);
                PushPrototype(layout, item);
                continue;
            }

            // Syntax trees, shapes and layouts never change what they point at: their short strings (literals,
            // property names) are pinned too, so states holding them entangle nothing.
            tag = Pinned;
            _pinned.Add(item);
            bytes += CountAndPush(item, layout, _children);
            while (!_children.IsEmpty)
            {
                var child = _children.Pop();
                if (IsLeaf(child))
                {
                    _pinned.Add(child);
                    _recentPinned[RuntimeHelpers.GetHashCode(child) & (RecentSize - 1)] = child;
                }

                _stack.Push(child);
            }

            PushPrototype(layout, item);
        }

        return bytes;
    }

    /// <summary>
    /// Counts what only <paramref name="state"/> reaches, as owner <paramref name="owner"/> (0, 1, … within this
    /// measurement). <paramref name="entangled"/> says it reached a mutable object the roots or another partition reach.
    /// </summary>
    public long WalkPartition(object state, int owner, out bool entangled)
    {
        entangled = false;
        _stack.Push(state);
        long bytes = 0;
        while (!_stack.IsEmpty)
        {
            var item = _stack.Pop();
            ref var recent = ref _recentPinned[RuntimeHelpers.GetHashCode(item) & (RecentSize - 1)];
            if (ReferenceEquals(recent, item))
            {
                continue;
            }

            var leaf = LeafSize(item, owner);
            if (leaf >= 0)
            {
                bytes += leaf;
                continue;
            }

            ref var tag = ref _seen.GetOrAdd(item, out var added);
            if (!added)
            {
                if (tag == Pinned)
                {
                    recent = item;
                }
                else if (tag != owner && tag != Ignored)
                {
                    if (TryPin(item))
                    {
                        tag = Pinned;
                        recent = item;
                    }
                    else
                    {
                        entangled = true;
                        if (tag != Rooted)
                        {
                            _entangledOwners.Add(tag);
                        }
                    }
                }

                continue;
            }

            var layout = Layout(item);
            if (layout.Ignored)
            {
                tag = Ignored;
                continue;
            }

            if (layout.EngineOwned)
            {
                // Counted by the next root walk, which starts from the pinned objects.
                _pinned.Add(item);
                tag = Pinned;
                recent = item;
                continue;
            }

            tag = owner;
            bytes += CountAndPush(item, layout, _stack);
            if (layout.Prototype?.Invoke(item) is { } prototype)
            {
                PushOwnedPrototype(prototype);
            }
        }

        return bytes;
    }

    /// <summary>Ends a measurement: forgets its objects (they may be garbage by now).</summary>
    public void Reset()
    {
        _seen.Clear();
        _entangledOwners.Clear();
        _stack.Reset();
        _children.Reset();
        _lastPinnedPrototype = null;
    }

    private static long CountAndPush(object item, ObjectLayout layout, WalkStack stack)
    {
        if (item is string text)
        {
            return StringSize(text.Length);
        }

        if (!layout.IsArray)
        {
            if (layout.IsFlatString)
            {
                // The string of a plain JsString is its own: counted here rather than walked as one more object.
                return layout.Size + StringSize(((JsString)item).Length);
            }

            layout.PushReferences?.Invoke(item, stack);
            return layout.Size;
        }

        var array = (Array)item;
        if (layout.ElementsAreReferences)
        {
            foreach (var element in Unsafe.As<object?[]>(array))
            {
                stack.Push(element);
            }
        }
        else
        {
            layout.PushReferences?.Invoke(item, stack);
        }

        return (24 + (long)array.Length * layout.ElementSize + 7) & ~7L;
    }

    private static long StringSize(int length) => (22 + 2L * length + 7) & ~7L;

    private static bool IsLeaf(object item) =>
        (item.GetType() == typeof(JsString) && ((JsString)item).Length <= MaxLeafStringLength)
        || item is JsNumber || (item is string text && text.Length <= MaxLeafStringLength);

    /// <summary>
    /// The size of a short string or a number, 0 when this walk (<paramref name="owner"/> in this measurement) already
    /// counted that very one, or -1 for any other object (which goes through the table).
    /// </summary>
    private long LeafSize(object item, int owner)
    {
        var type = item.GetType();
        long size;
        if (type == typeof(JsString) && ((JsString)item).Length <= MaxLeafStringLength)
        {
            size = _flatStringSize + StringSize(((JsString)item).Length);
        }
        else if (type == typeof(JsNumber))
        {
            size = _numberSize;
        }
        else if (type == typeof(string) && ((string)item).Length <= MaxLeafStringLength)
        {
            size = StringSize(((string)item).Length);
        }
        else
        {
            return -1;
        }

        var slot = RuntimeHelpers.GetHashCode(item) & (RecentSize - 1);
        var walk = (_measurement << 32) | (uint)owner;
        if (ReferenceEquals(_recentLeaves[slot], item) && _recentLeafWalks[slot] == walk)
        {
            return 0;
        }

        _recentLeaves[slot] = item;
        _recentLeafWalks[slot] = walk;
        return size;
    }

    /// <summary>
    /// Objects a partition may share with the roots or another partition without entangling it: engine-owned ones (see
    /// <see cref="ObjectLayout.EngineOwned"/>), empty arrays, and immutable values (symbols, big integers).
    /// </summary>
    private bool TryPin(object item)
    {
        var immutable = Layout(item).EngineOwned
            || item is Array { Length: 0 }
            || item is JsValue { Type: Types.Null or Types.Undefined or Types.Boolean or Types.Number or Types.Symbol or Types.BigInt };
        if (immutable)
        {
            _pinned.Add(item);
        }

        return immutable;
    }

    private void PushPrototype(ObjectLayout layout, object item)
    {
        if (layout.Prototype is { } prototype)
        {
            _stack.Push(prototype(item));
        }
    }

    /// <summary>A prototype the roots reach is pinned (a script has a handful); any other is followed like a field.</summary>
    private void PushOwnedPrototype(object prototype)
    {
        if (ReferenceEquals(prototype, _lastPinnedPrototype))
        {
            return;
        }

        if (_seen.TryGet(prototype, out var tag) && tag is Rooted or Pinned)
        {
            if (tag == Rooted)
            {
                _pinned.Add(prototype);
                _seen.GetOrAdd(prototype, out _) = Pinned;
            }

            _lastPinnedPrototype = prototype;
            return;
        }

        _stack.Push(prototype);
    }

    private ObjectLayout Layout(object item)
    {
        var type = item.GetType();
        ref var recent = ref _recentLayouts[RuntimeHelpers.GetHashCode(type) & (64 - 1)];
        if (ReferenceEquals(recent.Type, type))
        {
            return recent.Layout!;
        }

        if (!_layouts.TryGetValue(type, out var layout))
        {
            layout = ObjectLayout.Of(type);
            _layouts.Add(type, layout);
        }

        recent = (type, layout);
        return layout;
    }
}
