using System.Collections;

namespace EventObserver.Features.Feed;

/// <summary>
/// A read-only, reversed view over a list. An <see cref="IList{T}"/> so that <c>Virtualize</c>'s
/// Skip/Take over it index directly instead of enumerating from the start.
/// </summary>
public sealed class NewestFirstList<T>(List<T> oldestFirst) : IList<T>, IReadOnlyList<T>
{
    public int Count => oldestFirst.Count;

    public bool IsReadOnly => true;

    public T this[int index]
    {
        get => oldestFirst[oldestFirst.Count - 1 - index];
        set => throw new NotSupportedException();
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = oldestFirst.Count - 1; i >= 0; i--)
        {
            yield return oldestFirst[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(T item)
    {
        var i = oldestFirst.LastIndexOf(item);
        return i < 0 ? -1 : oldestFirst.Count - 1 - i;
    }

    public bool Contains(T item) => oldestFirst.Contains(item);

    public void CopyTo(T[] array, int arrayIndex)
    {
        for (var i = 0; i < oldestFirst.Count; i++)
        {
            array[arrayIndex + i] = this[i];
        }
    }

    public void Add(T item) => throw new NotSupportedException();

    public void Insert(int index, T item) => throw new NotSupportedException();

    public void RemoveAt(int index) => throw new NotSupportedException();

    public bool Remove(T item) => throw new NotSupportedException();

    public void Clear() => throw new NotSupportedException();
}
