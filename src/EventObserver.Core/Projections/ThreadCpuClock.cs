using System.Globalization;

namespace EventObserver.Core.Projections;

/// <summary>
/// The CPU time the calling thread has run, where the system tells it cheaply enough to read now and then: Linux's
/// <c>/proc/thread-self/schedstat</c> (nanoseconds on a CPU, excluding time the thread was suspended by a GC or waited
/// for a core). Elsewhere <see cref="TryRead"/> returns false.
/// </summary>
internal static class ThreadCpuClock
{
    private const string SchedStat = "/proc/thread-self/schedstat";

    private static readonly bool Available = OperatingSystem.IsLinux() && TryReadFile(out _);

    /// <summary>The calling thread's CPU time so far; false where it cannot be read.</summary>
    public static bool TryRead(out TimeSpan cpu)
    {
        cpu = default;
        return Available && TryReadFile(out cpu);
    }

    private static bool TryReadFile(out TimeSpan cpu)
    {
        cpu = default;
        try
        {
            // "<ns on cpu> <ns waiting for a cpu> <timeslices>"
            var text = File.ReadAllText(SchedStat).AsSpan();
            var end = text.IndexOf(' ');
            if (end <= 0 || !long.TryParse(text[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds))
            {
                return false;
            }

            cpu = TimeSpan.FromTicks(nanoseconds / 100);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
