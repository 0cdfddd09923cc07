using System.Text;

namespace EventObserver.Storage.Postgres.Rows;

/// <summary>
/// PostgreSQL text cannot hold a NUL character, yet ids and types come from headers and may carry one. Such a string
/// goes to its column with each NUL replaced by U+FFFD (so the row can be written at all, instead of failing the
/// batch again on every retry) and, exactly, to the <c>exact_strings</c> column, which reading puts back. Rare: the
/// column is null for almost every row.
/// </summary>
internal static class ExactStrings
{
    public static string? ForColumn(string? value) =>
        value is not null && value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value;

    /// <summary>The fields (by their position in <paramref name="fields"/>) that hold a NUL; null when none does.</summary>
    public static byte[]? Encode(ReadOnlySpan<string?> fields)
    {
        MemoryStream? stream = null;
        BinaryWriter? writer = null;
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] is { } value && value.Contains('\0', StringComparison.Ordinal))
            {
                stream ??= new MemoryStream();
                writer ??= new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                writer.Write7BitEncodedInt(i);
                writer.Write(value);
            }
        }

        writer?.Dispose();
        return stream?.ToArray();
    }

    public static Dictionary<int, string>? Decode(byte[]? data)
    {
        if (data is null)
        {
            return null;
        }

        var fields = new Dictionary<int, string>();
        using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var field = reader.Read7BitEncodedInt();
            fields[field] = reader.ReadString();
        }

        return fields;
    }
}
