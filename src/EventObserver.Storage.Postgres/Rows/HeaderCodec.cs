using System.Text;

using EventObserver.Core.Envelopes;

namespace EventObserver.Storage.Postgres.Rows;

/// <summary>
/// The <c>headers</c> column: every header in record order, duplicates kept, byte-exact. A 7-bit encoded count, then per
/// header its name (length-prefixed UTF-8) and its value as a 7-bit encoded length plus one (0: a null value) and the
/// bytes. Null for a record without headers.
/// </summary>
internal static class HeaderCodec
{
    public static byte[]? Encode(IReadOnlyList<EnvelopeHeader> headers)
    {
        if (headers.Count == 0)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(headers.Count);
            foreach (var header in headers)
            {
                writer.Write(header.Key);
                writer.Write7BitEncodedInt(header.Value is null ? 0 : header.Value.Length + 1);
                if (header.Value is { } value)
                {
                    writer.Write(value);
                }
            }
        }

        return stream.ToArray();
    }

    public static IReadOnlyList<EnvelopeHeader> Decode(byte[]? data)
    {
        if (data is null)
        {
            return [];
        }

        using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        var count = reader.Read7BitEncodedInt();
        var headers = new EnvelopeHeader[count];
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var length = reader.Read7BitEncodedInt();
            headers[i] = new EnvelopeHeader(name, length == 0 ? null : reader.ReadBytes(length - 1));
        }

        return headers;
    }
}
