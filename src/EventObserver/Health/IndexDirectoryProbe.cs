namespace EventObserver.Health;

/// <summary>
/// Whether a file can be created beside the index (a read-only mount or lost permissions fail here before the next
/// write does). Probes create and delete an empty file, at most once per <see cref="Interval"/>: orchestrators probe often.
/// </summary>
public sealed class IndexDirectoryProbe(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _sync = new();
    private string? _directory;
    private string? _error;
    private long _probedAt;

    /// <summary>Null when the directory is writable; else why not.</summary>
    public string? Check(string directory)
    {
        lock (_sync)
        {
            if (_directory != directory || _probedAt == 0 || time.GetElapsedTime(_probedAt) >= Interval)
            {
                _error = Probe(directory);
                _directory = directory;
                _probedAt = Math.Max(1, time.GetTimestamp());
            }

            return _error;
        }
    }

    private static string? Probe(string directory)
    {
        try
        {
            var path = Path.Combine(directory, $".eventobserver-probe-{Guid.NewGuid():N}");
            using (new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
