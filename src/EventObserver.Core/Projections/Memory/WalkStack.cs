using Jint.Native;

namespace EventObserver.Core.Projections.Memory;

/// <summary>The heap walk's to-do list: a plain growable array (the compiled layouts push into it directly).</summary>
/// <remarks>
/// Most fields of a JavaScript object point at the same few objects (null, undefined, true, false, the shape the
/// previous object had): those are dropped here, before they cost the walk a lookup each.
/// </remarks>
internal sealed class WalkStack
{
    private static readonly object s_null = JsValue.Null;
    private static readonly object s_undefined = JsValue.Undefined;
    private static readonly object s_true = JsBoolean.True;
    private static readonly object s_false = JsBoolean.False;

    private object?[] _items = new object?[256];
    private int _count;
    private object? _lastShape;

    public bool IsEmpty => _count == 0;

    /// <summary>Forgets the last shape (a new walk must see it again).</summary>
    public void Reset() => _lastShape = null;

    /// <summary>A shape: objects built alike share one, so a run of them pushes it once.</summary>
    public void PushShape(object? shape)
    {
        if (shape is null || ReferenceEquals(shape, _lastShape))
        {
            return;
        }

        _lastShape = shape;
        Push(shape);
    }

    public void Push(object? item)
    {
        if (item is null || ReferenceEquals(item, s_null) || ReferenceEquals(item, s_undefined)
            || ReferenceEquals(item, s_true) || ReferenceEquals(item, s_false))
        {
            return;
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = item;
    }

    public object Pop()
    {
        var item = _items[--_count]!;
        _items[_count] = null;
        return item;
    }
}
