using System.Diagnostics;

namespace EventObserver.TestSupport;

/// <summary>
/// A size-limited tmpfs mounted for one test (a small real file system to fill); needs root. Unmounted on dispose,
/// lazily when a handle is still open (the kernel frees it with the last handle).
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    /// <summary>Why a test that needs this is skipped, or null when it can run.</summary>
    public static readonly string? SkipReason = !OperatingSystem.IsLinux()
        ? "needs Linux to mount a size-limited tmpfs"
        : !Environment.IsPrivilegedProcess ? "needs root to mount a size-limited tmpfs (CI runs as root)" : null;

    public TmpfsMount(int megabytes)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"eventobserver-tmpfs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Bytes free on the mount now.</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    /// <summary>Changes the size in place (files stay): a full disk gets space back.</summary>
    public void Resize(int megabytes) => Run("mount", "-o", $"remount,size={megabytes}m", Path);

    public void Dispose()
    {
        if (Run("umount", [Path], throwOnError: false) != 0)
        {
            Run("umount", ["-l", Path], throwOnError: false);
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Run(string command, params string[] args) => Run(command, args, throwOnError: true);

    private static int Run(string command, string[] args, bool throwOnError)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }

        return process.ExitCode;
    }
}
