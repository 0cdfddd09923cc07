using System.Buffers;
using System.Text.Json;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>
/// One thread's JSON buffer and writer, reused for every datum so decoding allocates only the result array.
/// A buffer grown by one huge datum is dropped afterwards rather than pinned to the thread.
/// </summary>
internal sealed class AvroJsonWorkspace
{
    private const int MaxKeptCapacity = 1 << 20;

    [ThreadStatic]
    private static AvroJsonWorkspace? t_current;

    private ArrayBufferWriter<byte> _buffer = new(4096);

    private AvroJsonWorkspace()
    {
        // The node tree only ever writes well-formed JSON (the tests parse every shape back), so the writer's own
        // structure checks are skipped on this hot path.
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = AvroJsonText.Encoder, MaxDepth = AvroNode.MaxDepth * 2 + 8, SkipValidation = true });
    }

    public Utf8JsonWriter Writer { get; }

    public static AvroJsonWorkspace Rent()
    {
        var workspace = t_current ??= new AvroJsonWorkspace();
        if (workspace._buffer.Capacity > MaxKeptCapacity)
        {
            workspace._buffer = new ArrayBufferWriter<byte>(4096);
        }

        workspace._buffer.ResetWrittenCount();
        workspace.Writer.Reset(workspace._buffer);
        return workspace;
    }

    public byte[] ToArray()
    {
        Writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
