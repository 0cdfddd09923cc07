extern alias gpb;
using EventObserver.Core.Decoding.Protobuf;
using EventObserver.Core.Decoding.Schemas;
using Google.Protobuf.Reflection;
using gpb::Google.Protobuf;

namespace EventObserver.Core.Tests.Decoding.Protobuf;

public sealed class ProtobufJsonDecoderSchemaTests
{
    private const string Schema = """
        syntax = "proto3";
        package idx;
        import "google/protobuf/timestamp.proto";
        message First { int32 a = 1; }
        message Second {
          message Inner { string b = 1; }
          message Other {
            message Deep { bool c = 1; }
          }
          google.protobuf.Timestamp at = 1;
        }
        message Third { map<string, string> labels = 1; message AfterMap { int32 d = 1; } }
        """;

    [Fact]
    public void MessageNames_MainFile_ListsTopLevelMessagesInOrder()
    {
        var decoder = ProtobufJsonDecoder.Compile(Schema);

        Assert.Equal(["idx.First", "idx.Second", "idx.Third"], decoder.MessageNames);
    }

    [Theory]
    [InlineData(new int[0], "idx.First")]
    [InlineData(new[] { 0 }, "idx.First")]
    [InlineData(new[] { 1 }, "idx.Second")]
    [InlineData(new[] { 1, 0 }, "idx.Second.Inner")]
    [InlineData(new[] { 1, 1, 0 }, "idx.Second.Other.Deep")]
    [InlineData(new[] { 2, 1 }, "idx.Third.AfterMap")]
    public void ResolveMessage_ConfluentIndexPath_NamesTheMessage(int[] indexes, string expected)
    {
        var decoder = ProtobufJsonDecoder.Compile(Schema);

        Assert.Equal(expected, decoder.ResolveMessage(indexes));
    }

    [Theory]
    [InlineData(new[] { 3 })]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 0, 0 })]
    [InlineData(new[] { 1, 2 })]
    public void ResolveMessage_OutOfRange_IsSchemaMismatch(int[] indexes)
    {
        var decoder = ProtobufJsonDecoder.Compile(Schema);

        var error = Assert.Throws<PayloadDecodeException>(() => decoder.ResolveMessage(indexes));

        Assert.Equal(DecodeStatus.SchemaMismatch, error.Status);
    }

    [Fact]
    public void ToJson_ResolvedNestedMessage_Decodes()
    {
        var decoder = ProtobufJsonDecoder.Compile(Schema);
        var body = ProtoBytes.Build(o => { o.Tag(1, WireFormat.WireType.Varint); o.WriteBool(true); });

        Assert.Equal("""{"c":true}""", decoder.Json(decoder.ResolveMessage([1, 1, 0]), body));
    }

    [Theory]
    [InlineData("syntax = \"proto3\"; message A { int32 = 1; }", "schema.proto(1")]
    [InlineData("syntax = \"proto3\"; message A { Missing m = 1; }", "Missing")]
    [InlineData("syntax = \"proto3\"; import \"not/there.proto\"; message A { }", "not/there.proto")]
    [InlineData("this is not a proto file", "schema.proto")]
    public void Compile_BrokenSchema_IsInvalidSchemaWithTheParsersMessage(string text, string expectedInMessage)
    {
        var error = Assert.Throws<PayloadDecodeException>(() => ProtobufJsonDecoder.Compile(text));

        Assert.Equal(DecodeStatus.InvalidSchema, error.Status);
        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ImportFromDisk_IsNotRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"eo-proto-{Guid.NewGuid():N}.proto");
        File.WriteAllText(path, "syntax = \"proto3\"; message OnDisk { }");
        try
        {
            var error = Assert.Throws<PayloadDecodeException>(() =>
                ProtobufJsonDecoder.Compile($"syntax = \"proto3\"; import \"{path}\"; message A {{ OnDisk d = 1; }}"));

            Assert.Equal(DecodeStatus.InvalidSchema, error.Status);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromDescriptorSet_SerializedByProtobufNet_DecodesLikeTheText()
    {
        var set = new FileDescriptorSet();
        set.Add("other.proto", true, new StringReader("syntax = \"proto3\"; package other; message Ref { string id = 1; }"));
        set.Add("main.proto", true, new StringReader("""
            syntax = "proto3";
            package main;
            import "other.proto";
            import "google/protobuf/timestamp.proto";
            message Event { other.Ref ref = 1; google.protobuf.Timestamp at = 2; }
            """));
        set.Process();
        using var stream = new MemoryStream();
        ProtoBuf.Serializer.Serialize(stream, set);
        var body = ProtoBytes.Build(o =>
        {
            o.Nested(1, ProtoBytes.Build(r => { r.Tag(1, WireFormat.WireType.LengthDelimited); r.WriteString("r-1"); }));
            o.Nested(2, ProtoBytes.Build(t => { t.Tag(1, WireFormat.WireType.Varint); t.WriteInt64(60); }));
        });

        var decoder = ProtobufJsonDecoder.FromDescriptorSet(stream.ToArray());

        Assert.Equal(["main.Event"], decoder.MessageNames);
        Assert.Equal("""{"ref":{"id":"r-1"},"at":"1970-01-01T00:01:00Z"}""", decoder.Json("main.Event", body));
    }

    [Fact]
    public void FromDescriptorSet_WithoutTheWellKnownFiles_StillResolvesThem()
    {
        var set = new FileDescriptorSet();
        set.Add("main.proto", true, new StringReader("""
            syntax = "proto3";
            import "google/protobuf/duration.proto";
            message Took { google.protobuf.Duration d = 1; }
            """));
        set.Process();
        set.Files.RemoveAll(f => f.Name.StartsWith("google/", StringComparison.Ordinal));
        using var stream = new MemoryStream();
        ProtoBuf.Serializer.Serialize(stream, set);
        var body = ProtoBytes.Build(o => o.Nested(1, ProtoBytes.Build(t => { t.Tag(1, WireFormat.WireType.Varint); t.WriteInt64(2); })));

        var decoder = ProtobufJsonDecoder.FromDescriptorSet(stream.ToArray());

        Assert.Equal("""{"d":"2s"}""", decoder.Json("Took", body));
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x05, 0x01 })]
    [InlineData(new byte[0])]
    public void FromDescriptorSet_NotADescriptorSet_IsInvalidSchema(byte[] bytes)
    {
        var error = Assert.Throws<PayloadDecodeException>(() => ProtobufJsonDecoder.FromDescriptorSet(bytes));

        Assert.Equal(DecodeStatus.InvalidSchema, error.Status);
    }
}
