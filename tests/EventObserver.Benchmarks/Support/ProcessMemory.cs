namespace EventObserver.Benchmarks.Support;

/// <summary>Resident set size of a process as Linux reports it.</summary>
internal static class ProcessMemory
{
    /// <summary>Peak resident set size (VmHWM) in MiB; falls back to the runtime's peak working set.</summary>
    public static double PeakRssMb() => ReadStatusKb("VmHWM:") is { } kb ? kb / 1024.0 : Environment.WorkingSet / 1048576.0;

    /// <summary>
    /// Resets the kernel's peak counter (VmHWM) to the current RSS, so a later <see cref="PeakRssMb"/> covers
    /// one phase only. Returns false where /proc does not allow it.
    /// </summary>
    public static bool ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double CurrentRssMb() => ReadStatusKb("VmRSS:") is { } kb ? kb / 1024.0 : Environment.WorkingSet / 1048576.0;

    /// <summary>Resident set size (VmRSS) of another process in MiB.</summary>
    public static double RssMb(int processId) => ReadKb(processId, "VmRSS:") / 1024.0;

    /// <summary>Peak resident set size (VmHWM) of another process in MiB.</summary>
    public static double PeakRssMb(int processId) => ReadKb(processId, "VmHWM:") / 1024.0;

    /// <summary>A field of another process's /proc status in KiB (0 where /proc is missing).</summary>
    public static long ReadKb(int processId, string field) => ReadStatusKb(field, $"/proc/{processId}/status") ?? 0;

    private static long? ReadStatusKb(string field, string status = "/proc/self/status")
    {
        if (!File.Exists(status))
        {
            return null;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var digits = new string(line.AsSpan(field.Length).Trim().ToString().TakeWhile(char.IsDigit).ToArray());
                return long.TryParse(digits, out var kb) ? kb : null;
            }
        }

        return null;
    }
}
