using System.Globalization;

namespace EventObserver.Kafka.Ingestion;

/// <summary>Recognises a write that failed for want of disk space, and says how much is left where.</summary>
public static class DiskSpace
{
    // ENOSPC on Linux and macOS: .NET puts the raw errno into IOException.HResult there.
    private const int NoSpaceErrno = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>
    /// True when <paramref name="exception"/>, or one it wraps (LiteDB rethrows and wraps I/O failures), is a full disk.
    /// </summary>
    public static bool IsFull(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException { HResult: NoSpaceErrno or WindowsDiskFull or WindowsHandleDiskFull }
                || e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("not enough space on the disk", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (e is AggregateException { InnerExceptions.Count: > 1 } aggregate && aggregate.InnerExceptions.Any(IsFull))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Bytes free to this process on the file system that holds <paramref name="path"/>; null when it cannot tell.</summary>
    public static long? FreeBytes(string path)
    {
        try
        {
            var directory = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? path;
            return new DriveInfo(directory).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>"disk full: 3 MB free on /data" for the directory of <paramref name="filePath"/>.</summary>
    public static string DescribeFull(string filePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(filePath)) ?? filePath;
        return FreeBytes(directory) is { } free
            ? string.Create(CultureInfo.InvariantCulture, $"disk full: {free / (1024 * 1024)} MB free on {directory}")
            : $"disk full on {directory}";
    }
}
