using System.Text.RegularExpressions;

using EventObserver.Core.Decoding.Avro;
using EventObserver.Core.Decoding.Protobuf;

namespace EventObserver.Core.Decoding.Schemas;

/// <summary>Reads and compiles one local schema file (<c>.avsc</c>, <c>.proto</c> with its local imports, or a descriptor set).</summary>
internal static partial class LocalSchemaFile
{
    /// <summary>Imports are followed this deep at most (a cycle of files must not loop).</summary>
    private const int MaxImports = 256;

    /// <summary>Throws <see cref="InvalidOperationException"/> with a message for the user when the file cannot be used.</summary>
    public static CompiledSchema Compile(LocalSchemaBinding binding)
    {
        var path = Path.GetFullPath(binding.File);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"the file '{path}' does not exist.");
        }

        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            switch (extension)
            {
                case ".avsc":
                    if (!string.IsNullOrWhiteSpace(binding.MessageType))
                    {
                        throw new InvalidOperationException("MessageType applies to Protobuf files only.");
                    }

                    return CompiledSchema.FromAvroFile(AvroJsonDecoder.Compile(File.ReadAllText(path)), name);
                case ".proto":
                    return ForProtobuf(ProtobufJsonDecoder.Compile(File.ReadAllText(path), ReadImports(path)), binding, name);
                case ".desc" or ".pb" or ".protoset":
                    return ForProtobuf(ProtobufJsonDecoder.FromDescriptorSet(File.ReadAllBytes(path)), binding, name);
                default:
                    throw new InvalidOperationException($"'{extension}' is not a schema file extension (use .avsc, .proto, .desc, .pb or .protoset).");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"'{name}' cannot be used: {ex.Message}", ex);
        }
    }

    private static CompiledSchema ForProtobuf(ProtobufJsonDecoder decoder, LocalSchemaBinding binding, string name)
    {
        var messageType = binding.MessageType?.Trim().TrimStart('.');
        if (string.IsNullOrEmpty(messageType))
        {
            messageType = decoder.MessageNames.Count > 0
                ? decoder.MessageNames[0]
                : throw new InvalidOperationException($"'{name}' declares no message.");
        }

        return CompiledSchema.FromProtobufFile(decoder, messageType, name);
    }

    /// <summary>
    /// The files the .proto imports, found next to it (or under it by relative path), recursively. Imports not found
    /// there are left to the decoder, which knows the well-known types; anything else it reports as missing.
    /// </summary>
    private static List<SchemaReferenceText> ReadImports(string protoPath)
    {
        var root = Path.GetDirectoryName(protoPath) ?? ".";
        var imports = new List<SchemaReferenceText>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        Enqueue(File.ReadAllText(protoPath));
        while (pending.Count > 0 && imports.Count < MaxImports)
        {
            var import = pending.Dequeue();
            var file = Path.GetFullPath(Path.Combine(root, import));
            if (!File.Exists(file))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            imports.Add(new SchemaReferenceText(import, text));
            Enqueue(text);
        }

        return imports;

        void Enqueue(string text)
        {
            foreach (Match match in ImportLine().Matches(text))
            {
                var import = match.Groups[1].Value;
                if (seen.Add(import))
                {
                    pending.Enqueue(import);
                }
            }
        }
    }

    [GeneratedRegex("""^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ImportLine();
}
