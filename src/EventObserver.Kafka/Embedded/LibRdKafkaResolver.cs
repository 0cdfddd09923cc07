using System.Reflection;
using System.Runtime.InteropServices;

namespace EventObserver.Kafka.Embedded;

/// <summary>
/// Points our P/Invokes at the very librdkafka file Confluent.Kafka loaded. A bare "librdkafka" lookup
/// fails on Debian (the package's default build needs libsasl2.so.3, so Confluent.Kafka falls back to
/// another build), and loading a second copy would give the mock cluster its own, separate globals.
/// </summary>
internal static class LibRdKafkaResolver
{
    public const string LibraryName = "librdkafka";

    private static readonly Lock Gate = new();
    private static bool _registered;
    private static IntPtr _handle;

    /// <summary>Registers the resolver for this assembly once per process; safe to call often.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(LibRdKafkaResolver).Assembly, Resolve);
            _registered = true;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return IntPtr.Zero;
        }

        lock (Gate)
        {
            if (_handle != IntPtr.Zero)
            {
                return _handle;
            }

            // Makes Confluent.Kafka load its native library (with its own fallback logic) first.
            _ = Confluent.Kafka.Library.Version;
            var path = FindLoadedLibrary()
                ?? throw new DllNotFoundException("librdkafka is not mapped into this process although Confluent.Kafka loaded it.");
            _handle = NativeLibrary.Load(path);
            return _handle;
        }
    }

    private static string? FindLoadedLibrary()
    {
        const string mapsPath = "/proc/self/maps";
        if (!File.Exists(mapsPath))
        {
            return null;
        }

        foreach (var line in File.ReadLines(mapsPath))
        {
            var slash = line.IndexOf('/');
            if (slash < 0)
            {
                continue;
            }

            var path = line[slash..].Trim();
            var fileName = Path.GetFileName(path);
            if (fileName.Contains("librdkafka", StringComparison.Ordinal) && fileName.Contains(".so", StringComparison.Ordinal))
            {
                return path;
            }
        }

        return null;
    }
}
