using System.Text;

using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Storage.Postgres.Rows;

/// <summary>
/// The <c>decoding</c> and <c>key_decoding</c> columns: how a value or key was decoded, as a format byte, a status
/// byte, a flags byte (which optional parts follow) and the parts (7-bit encoded numbers, length-prefixed UTF-8).
/// </summary>
internal static class DecodingCodec
{
    private const byte HasSchemaId = 1;
    private const byte HasVersion = 2;
    private const byte HasSubject = 4;
    private const byte HasTypeName = 8;
    private const byte HasError = 16;
    private const byte HasSchemaFile = 32;

    public static byte[]? Encode(PayloadDecoding? decoding)
    {
        if (decoding is null)
        {
            return null;
        }

        var flags = (byte)((decoding.SchemaId is null ? 0 : HasSchemaId) | (decoding.Version is null ? 0 : HasVersion)
            | (decoding.Subject is null ? 0 : HasSubject) | (decoding.TypeName is null ? 0 : HasTypeName)
            | (decoding.Error is null ? 0 : HasError) | (decoding.SchemaFile is null ? 0 : HasSchemaFile));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)decoding.Format);
            writer.Write((byte)decoding.Status);
            writer.Write(flags);
            WriteIf(writer, decoding.SchemaId);
            WriteIf(writer, decoding.Version);
            WriteIf(writer, decoding.Subject);
            WriteIf(writer, decoding.TypeName);
            WriteIf(writer, decoding.Error);
            WriteIf(writer, decoding.SchemaFile);
        }

        return stream.ToArray();
    }

    public static PayloadDecoding? Decode(byte[]? data)
    {
        if (data is null)
        {
            return null;
        }

        using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        var format = (SchemaFormat)reader.ReadByte();
        var status = (DecodeStatus)reader.ReadByte();
        var flags = reader.ReadByte();
        return new PayloadDecoding
        {
            Format = format,
            Status = status,
            SchemaId = (flags & HasSchemaId) != 0 ? reader.ReadInt32() : null,
            Version = (flags & HasVersion) != 0 ? reader.ReadInt32() : null,
            Subject = (flags & HasSubject) != 0 ? reader.ReadString() : null,
            TypeName = (flags & HasTypeName) != 0 ? reader.ReadString() : null,
            Error = (flags & HasError) != 0 ? reader.ReadString() : null,
            SchemaFile = (flags & HasSchemaFile) != 0 ? reader.ReadString() : null,
        };
    }

    private static void WriteIf(BinaryWriter writer, int? value)
    {
        if (value is { } v)
        {
            writer.Write(v);
        }
    }

    private static void WriteIf(BinaryWriter writer, string? value)
    {
        if (value is not null)
        {
            writer.Write(value);
        }
    }
}
