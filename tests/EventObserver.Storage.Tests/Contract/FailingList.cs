namespace EventObserver.Storage.Tests.Contract;

/// <summary>
/// Input whose reading fails after <paramref name="failAt"/> items, whether read by index or enumerated: a writer that
/// streams it (a COPY) fails inside its transaction, one that plans first fails before it. Either way the write must
/// leave nothing behind. <see cref="Count"/> is the full count, as a list that fails late would report.
/// </summary>
public sealed class FailingList<T>(IReadOnlyList<T> items, int failAt) : IReadOnlyList<T>
{
    public const string Message = "the input failed part-way (contract test)";

    public int Count => items.Count;

    public T this[int index] => index < failAt ? items[index] : throw new InvalidOperationException(Message);

    /// <summary>True when <paramref name="failure"/> is this input's failure or wraps it.</summary>
    public static bool IsTheFailure(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException { Message: Message })
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < items.Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
