extern alias gpb;
using System.Text;
using EventObserver.Core.Decoding.Protobuf;
using gpb::Google.Protobuf;

namespace EventObserver.Core.Tests.Decoding.Protobuf;

/// <summary>Writes test messages with Google.Protobuf's own encoder and reads the decoder's JSON back as text.</summary>
internal static class ProtoBytes
{
    public static byte[] Build(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return stream.ToArray();
    }

    public static void Tag(this CodedOutputStream output, int number, WireFormat.WireType wireType) => output.WriteTag(number, wireType);

    /// <summary>A nested message (or any length-delimited value) as field <paramref name="number"/>.</summary>
    public static void Nested(this CodedOutputStream output, int number, byte[] bytes)
    {
        output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(bytes));
    }

    public static void Nested(this CodedOutputStream output, int number, IMessage message) => output.Nested(number, message.ToByteArray());

    public static string Json(this ProtobufJsonDecoder decoder, string message, byte[] body) =>
        Encoding.UTF8.GetString(decoder.ToJson(message, body));

    public static string? Raw(byte[] body) => ProtobufRawDecoder.TryToJson(body) is { } json ? Encoding.UTF8.GetString(json) : null;
}
