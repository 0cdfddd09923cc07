namespace EventObserver.Features.Feed;

/// <summary>
/// The rows a feed view holds, newest first by <see cref="FeedRowOrder"/>, bounded: live arrivals push the oldest out
/// beyond <see cref="Capacity"/>; older pages loaded from the index extend it up to <see cref="MaxRows"/>.
/// Rows are merged into their time position whatever order they arrive in: partitions are consumed at different
/// paces, so a batch can carry an event older than rows already shown (a conversation must still read in time order).
/// Duplicates (the same topic/partition/offset from the ring buffer, the index and the subscription) are skipped.
/// Not thread-safe: used on the component's render thread.
/// </summary>
public sealed class FeedWindow
{
    public const int DefaultCapacity = 10_000;

    // Oldest first, so live appends are O(1); trimming removes a range at the front.
    private readonly List<FeedRow> _rows = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public FeedWindow(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        Rows = new NewestFirstList<FeedRow>(_rows);
    }

    public int Capacity { get; }

    /// <summary>Rows from older pages are kept up to this many; live rows never grow it beyond <see cref="Capacity"/>.</summary>
    public int MaxRows => Capacity * 2;

    public int Count => _rows.Count;

    /// <summary>Newest first, a live view (for <c>Virtualize</c>).</summary>
    public IList<FeedRow> Rows { get; }

    public FeedRow? Oldest => _rows.Count == 0 ? null : _rows[0];

    public FeedRow? Newest => _rows.Count == 0 ? null : _rows[^1];

    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>Adds live rows (any order). Returns how many were new.</summary>
    public int AddNewer(IEnumerable<FeedRow> rows)
    {
        var added = Merge(rows, int.MaxValue);
        Trim(Capacity);
        return added;
    }

    /// <summary>Adds rows from older pages (any order) while the window holds fewer than <see cref="MaxRows"/>. Returns how many were new.</summary>
    public int AddOlder(IEnumerable<FeedRow> newestFirst) => Merge(newestFirst, MaxRows - _rows.Count);

    /// <summary>Merges the new rows (at most <paramref name="limit"/>) into their place; linear in the window's size.</summary>
    private int Merge(IEnumerable<FeedRow> rows, int limit)
    {
        var fresh = new List<FeedRow>();
        foreach (var row in rows)
        {
            if (fresh.Count >= limit)
            {
                break;
            }

            if (_ids.Add(row.Id))
            {
                fresh.Add(row);
            }
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        fresh.Sort(FeedRowOrder.OldestFirst);
        var order = FeedRowOrder.OldestFirst;
        if (_rows.Count == 0 || order.Compare(_rows[^1], fresh[0]) <= 0)
        {
            // The usual live case: everything is newer than the newest row.
            _rows.AddRange(fresh);
        }
        else if (order.Compare(fresh[^1], _rows[0]) <= 0)
        {
            // The usual page of history: everything is older than the oldest row.
            _rows.InsertRange(0, fresh);
        }
        else
        {
            var merged = new List<FeedRow>(_rows.Count + fresh.Count);
            int i = 0, j = 0;
            while (i < _rows.Count && j < fresh.Count)
            {
                merged.Add(order.Compare(_rows[i], fresh[j]) <= 0 ? _rows[i++] : fresh[j++]);
            }

            merged.AddRange(_rows.Skip(i));
            merged.AddRange(fresh.Skip(j));
            _rows.Clear();
            _rows.AddRange(merged);
        }

        return fresh.Count;
    }

    public void Clear()
    {
        _rows.Clear();
        _ids.Clear();
    }

    private void Trim(int keep)
    {
        var excess = _rows.Count - keep;
        if (excess <= 0)
        {
            return;
        }

        for (var i = 0; i < excess; i++)
        {
            _ids.Remove(_rows[i].Id);
        }

        _rows.RemoveRange(0, excess);
    }
}
