using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// The chunk encoding of a <see cref="PayloadDecoding"/> (chunk version 2): a byte with the format (bits 0–2) and which
/// numbers follow (bit 3 schema id, bit 4 version), a status byte, the numbers as signed varints, then subject, type
/// name, error and schema file as strings.
/// </summary>
internal static class DecodingCodec
{
    private const int HasSchemaId = 1 << 3;
    private const int HasVersion = 1 << 4;

    public static void Write(PayloadDecoding decoding, ChunkWriter w)
    {
        w.WriteByte((byte)(((int)decoding.Format & 7) | (decoding.SchemaId is null ? 0 : HasSchemaId) | (decoding.Version is null ? 0 : HasVersion)));
        w.WriteByte((byte)decoding.Status);
        if (decoding.SchemaId is { } id)
        {
            w.WriteSigned(id);
        }

        if (decoding.Version is { } version)
        {
            w.WriteSigned(version);
        }

        w.WriteString(decoding.Subject);
        w.WriteString(decoding.TypeName);
        w.WriteString(decoding.Error);
        w.WriteString(decoding.SchemaFile);
    }

    public static PayloadDecoding Read(ref ChunkReader r)
    {
        var flags = r.ReadByte();
        var status = (DecodeStatus)r.ReadByte();
        int? id = (flags & HasSchemaId) != 0 ? checked((int)r.ReadSigned()) : null;
        int? version = (flags & HasVersion) != 0 ? checked((int)r.ReadSigned()) : null;
        return new PayloadDecoding
        {
            Format = (SchemaFormat)(flags & 7),
            Status = status,
            SchemaId = id,
            Version = version,
            Subject = r.ReadString(),
            TypeName = r.ReadString(),
            Error = r.ReadString(),
            SchemaFile = r.ReadString(),
        };
    }

    public static void Skip(ref ChunkReader r)
    {
        var flags = r.ReadByte();
        r.ReadByte();
        if ((flags & HasSchemaId) != 0)
        {
            r.ReadSigned();
        }

        if ((flags & HasVersion) != 0)
        {
            r.ReadSigned();
        }

        r.Skip();
        r.Skip();
        r.Skip();
        r.Skip();
    }
}
