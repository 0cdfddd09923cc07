using System.Text.Json;

namespace EventObserver.Core.Projections;

/// <summary>
/// Where the top-level members of a JSON object lie: one <see cref="Utf8JsonReader"/> pass that validates the whole
/// object and notes each member's name and value bytes without building any value. <see cref="JsonToJsConverter"/>
/// builds lazy objects from such a table; <see cref="Prepare"/> makes one ahead, on another thread.
/// </summary>
internal static class JsonMemberTable
{
    /// <summary>Members an object may have to be built lazily from a table; wider objects are built at once.</summary>
    public const int MaxMembers = 64;

    /// <summary>The nesting <c>JSON.parse</c> is allowed in the sandbox (the engine's MaxJsonParseDepth).</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 128 };

    /// <summary>
    /// The member table of a payload that is one valid JSON object of at most 64 members (the usual event), for
    /// <see cref="JsonToJsConverter.Convert"/> to build the object from without reading the text again; null for
    /// anything else, which the converter then reads itself. Thread-safe: it runs on a replay's read-ahead thread, so
    /// the two cores share the scan (measured: a fifth of the sandbox thread's work per 1 KB order event).
    /// </summary>
    public static PreparedPayload? Prepare(byte[] utf8)
    {
        Span<int> table = stackalloc int[MaxMembers * 4];
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !Read(0, ref reader, table, out var count, out var escaped, out var hash) || reader.Read())
            {
                return null;
            }

            return new PreparedPayload(utf8, table[..(count * 4)].ToArray(), count, escaped, hash);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the object whose start token the reader is on to its end; <paramref name="table"/> gets four ints per
    /// member (name start, name length — the raw bytes between the quotes —, value start, value end). False when it
    /// has more than <see cref="MaxMembers"/> members (too many to be lazy).
    /// </summary>
    public static bool Read(int offset, ref Utf8JsonReader reader, scoped Span<int> table, out int count, out bool escaped, out int hash)
    {
        count = 0;
        hash = 17;
        escaped = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (count == MaxMembers)
            {
                do
                {
                    reader.Read();
                    reader.Skip();
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName);

                return false;
            }

            var at = count * 4;
            table[at] = offset + (int)reader.TokenStartIndex + 1;
            table[at + 1] = reader.ValueSpan.Length;
            escaped |= reader.ValueIsEscaped;
            hash = Mix(hash, reader.ValueSpan);
            reader.Read();
            table[at + 2] = offset + (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            table[at + 3] = offset + (int)reader.BytesConsumed;
            count++;
        }

        return true;
    }

    /// <summary>
    /// A cheap fingerprint of a member name for the shape table; a collision only costs the slow path, since a shape
    /// is always compared byte by byte before it is used.
    /// </summary>
    private static int Mix(int hash, ReadOnlySpan<byte> name) => name.IsEmpty
        ? (hash * 31) + 1
        : (hash * 31) ^ (name.Length * 7919) ^ (name[0] << 8) ^ (name[name.Length / 2] << 16) ^ (name[^1] << 24);
}
