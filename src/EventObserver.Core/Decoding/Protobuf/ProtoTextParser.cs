using EventObserver.Core.Decoding.Schemas;
using Google.Protobuf.Reflection;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>
/// protobuf-net.Reflection's .proto parser and descriptor-set reader, reporting every failure as InvalidSchema. The
/// well-known types (google/protobuf/*.proto) come from the copies protobuf-net.Reflection embeds.
/// </summary>
internal static class ProtoTextParser
{
    private const string MainName = "schema.proto";
    private const string AlternateMainName = "registry-schema.proto";

    public static (IReadOnlyList<FileDescriptorProto> Files, FileDescriptorProto Main) Parse(
        string protoText, IReadOnlyList<SchemaReferenceText> imports)
    {
        var mainName = imports.Any(i => i.Name == MainName) ? AlternateMainName : MainName;
        var set = new FileDescriptorSet { FileSystem = NoProtoFiles.Instance };
        try
        {
            set.Add(mainName, true, new StringReader(protoText));
            foreach (var import in imports.DistinctBy(i => i.Name))
            {
                set.Add(import.Name, true, new StringReader(import.Text));
            }

            set.Process();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw Invalid(ex.Message, ex);
        }

        var errors = set.GetErrors().Where(e => e.IsError).Select(e => e.ToString()).ToList();
        if (errors.Count > 0)
        {
            throw Invalid(string.Join("; ", errors));
        }

        var main = set.Files.FirstOrDefault(f => f.Name == mainName) ?? throw Invalid("the parser returned no main file");
        return (set.Files, main);
    }

    public static (IReadOnlyList<FileDescriptorProto> Files, FileDescriptorProto Main) ReadDescriptorSet(byte[] bytes)
    {
        FileDescriptorSet set;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            set = ProtoBuf.Serializer.Deserialize<FileDescriptorSet>(stream);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw Invalid("not a FileDescriptorSet: " + ex.Message, ex);
        }

        if (set.Files.Count == 0)
        {
            throw Invalid("the descriptor set holds no file");
        }

        // protoc writes dependencies first, so its main file is the last; other writers (protobuf-net) may append the
        // imports after it, so the main file is the last one that no other file imports.
        var imported = set.Files.SelectMany(f => f.Dependencies).ToHashSet(StringComparer.Ordinal);
        var main = set.Files.LastOrDefault(f => !imported.Contains(f.Name)) ?? set.Files[^1];
        var files = new List<FileDescriptorProto>(set.Files);

        // protoc without --include_imports leaves the well-known types out; they are known anyway.
        var present = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var missing = files.SelectMany(f => f.Dependencies)
            .Where(d => !present.Contains(d) && d.StartsWith("google/protobuf/", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        if (missing.Count > 0)
        {
            files.AddRange(WellKnownFiles(missing));
        }

        return (files, main);
    }

    private static IEnumerable<FileDescriptorProto> WellKnownFiles(IReadOnlyList<string> names)
    {
        var text = "syntax = \"proto3\";\n" + string.Concat(names.Select(n => $"import \"{n.Replace("\"", string.Empty, StringComparison.Ordinal)}\";\n"));
        var (files, _) = Parse(text, []);
        return files.Where(f => f.Name != MainName);
    }

    private static PayloadDecodeException Invalid(string message, Exception? inner = null) =>
        new(DecodeStatus.InvalidSchema, "Protobuf schema: " + message, inner);
}
