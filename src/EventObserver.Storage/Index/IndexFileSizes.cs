namespace EventObserver.Storage.Index;

/// <summary>
/// The sizes on disk of an index's LiteDB file and of its write-ahead log, read from the file system (two
/// <see cref="FileInfo"/> lengths) at most once per <see cref="MaxAge"/>: every page, tab and API call asks for the
/// statistics, and the figures need not be fresher than the status bar's one-second tick.
/// </summary>
/// <remarks>
/// The two are kept apart because they move differently. LiteDB appends every committed page to the log (a page
/// rewritten by every batch, like the checkpoints', is appended again each time) and copies the log into the file at
/// each checkpoint (every 1,000 pages, about 8 MB), then empties it: the file only grows, while the log saws between
/// nothing and 8 MB. Their sum, shown as the index size, fell from 15.9 MB to 8.8 MB at every checkpoint.
/// </remarks>
internal sealed class IndexFileSizes(string filePath, TimeProvider time)
{
    /// <summary>How long a reading is reused.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    // Replaced whole (a reference write is atomic), so readers on any thread see one consistent pair.
    private Reading? _last;

    public string FilePath { get; } = filePath;

    public string LogFilePath { get; } = LiteDbEventIndex.LogFilePath(filePath);

    /// <summary>The file's and the log's lengths in bytes (0 for a missing one), at most <see cref="MaxAge"/> old.</summary>
    public (long File, long Log) Read()
    {
        var now = time.GetUtcNow();
        if (_last is { } last && now - last.At < MaxAge && now >= last.At)
        {
            return (last.File, last.Log);
        }

        var reading = new Reading(now, LengthOf(FilePath), LengthOf(LogFilePath));
        _last = reading;
        return (reading.File, reading.Log);
    }

    private static long LengthOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }

    private sealed record Reading(DateTimeOffset At, long File, long Log);
}
