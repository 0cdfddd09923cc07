using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace EventObserver.Tests.Security;

/// <summary>
/// Posts a generated JSON body of a given size over a raw socket (chunked, or with a Content-Length), reading the
/// answer while it writes: a server that stops reading answers and closes early, which HttpClient may report only as a
/// broken pipe.
/// </summary>
internal static class RawUpload
{
    private static readonly byte[] Filler = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
    private static readonly byte[] Head = """{"selection":{},"projection":"({})","label":" """u8.ToArray();
    private static readonly byte[] Tail = "\"}"u8.ToArray();

    /// <summary>The raw answer and how many body bytes went out before the server closed the connection.</summary>
    public static async Task<(string Response, long Sent)> PostAsync(Uri server, string path, long size, bool chunked)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var reading = ReadAllAsync(stream);
        long sent = 0;
        try
        {
            var length = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {size.ToString(CultureInfo.InvariantCulture)}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\n{length}\r\nConnection: close\r\n\r\n"));
            sent += await WriteAsync(stream, Head, chunked);
            while (sent + Tail.Length < size && !reading.IsCompleted)
            {
                sent += await WriteAsync(stream, Filler.AsMemory(0, (int)Math.Min(Filler.Length, size - Tail.Length - sent)), chunked);
            }

            sent += await WriteAsync(stream, Tail, chunked);
            if (chunked)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
        }
        catch (IOException)
        {
            // The server answered and closed the connection while the body was still arriving.
        }

        return (await reading.WaitAsync(TimeSpan.FromSeconds(30)), sent);
    }

    private static async Task<int> WriteAsync(NetworkStream stream, ReadOnlyMemory<byte> data, bool chunked)
    {
        if (chunked)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(data.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
        }

        await stream.WriteAsync(data);
        if (chunked)
        {
            await stream.WriteAsync("\r\n"u8.ToArray());
        }

        return data.Length;
    }

    private static async Task<string> ReadAllAsync(NetworkStream stream)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer: keep what arrived.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}
