using System.Text;

namespace EventObserver.Benchmarks.Support;

/// <summary>What a message weighs as produced: key, value, and every header's name and value.</summary>
internal static class RawBytes
{
    public static long Of(byte[]? key, byte[]? value, IEnumerable<(string Name, byte[]? Value)> headers)
    {
        long bytes = (key?.Length ?? 0) + (value?.Length ?? 0);
        foreach (var (name, headerValue) in headers)
        {
            bytes += Encoding.UTF8.GetByteCount(name) + (headerValue?.Length ?? 0);
        }

        return bytes;
    }
}
