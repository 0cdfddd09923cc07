namespace EventObserver.Features.Feed;

/// <summary>
/// The rows a feed view holds, newest first, bounded: live arrivals push the oldest out beyond
/// <see cref="Capacity"/>; older pages loaded from the index extend it up to <see cref="MaxRows"/>.
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

    /// <summary>Adds live rows given oldest first (publish order). Returns how many were new.</summary>
    public int AddNewer(IEnumerable<FeedRow> oldestFirst)
    {
        var added = 0;
        foreach (var row in oldestFirst)
        {
            if (_ids.Add(row.Id))
            {
                _rows.Add(row);
                added++;
            }
        }

        Trim(Capacity);
        return added;
    }

    /// <summary>Adds rows older than the window, given newest first (index order). Returns how many were new.</summary>
    public int AddOlder(IEnumerable<FeedRow> newestFirst)
    {
        var older = new List<FeedRow>();
        foreach (var row in newestFirst)
        {
            if (_rows.Count + older.Count >= MaxRows)
            {
                break;
            }

            if (_ids.Add(row.Id))
            {
                older.Add(row);
            }
        }

        older.Reverse();
        _rows.InsertRange(0, older);
        return older.Count;
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
