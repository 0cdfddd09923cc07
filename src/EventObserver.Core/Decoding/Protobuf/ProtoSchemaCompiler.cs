using System.Text;
using System.Text.Json;
using EventObserver.Core.Decoding.Schemas;
using Google.Protobuf.Reflection;

namespace EventObserver.Core.Decoding.Protobuf;

/// <summary>Turns parsed descriptors into <see cref="ProtoSchema"/>: every message and enum resolved once, up front.</summary>
internal static class ProtoSchemaCompiler
{
    public static ProtoSchema Compile(IReadOnlyList<FileDescriptorProto> files, FileDescriptorProto main)
    {
        var messages = new Dictionary<string, ProtoMessageLayout>(StringComparer.Ordinal);
        var enums = new Dictionary<string, ProtoEnumLayout>(StringComparer.Ordinal);
        var pending = new List<(ProtoMessageLayout Layout, DescriptorProto Descriptor)>();
        foreach (var file in files)
        {
            var prefix = string.IsNullOrEmpty(file.Package) ? string.Empty : file.Package + ".";
            foreach (var type in file.EnumTypes)
            {
                Register(enums, prefix + type.Name, type);
            }

            foreach (var message in file.MessageTypes)
            {
                Declare(messages, enums, pending, prefix + message.Name, message);
            }
        }

        foreach (var (layout, descriptor) in pending)
        {
            layout.SetFields(CompileFields(layout, descriptor, messages, enums), descriptor.OneofDecls.Count);
        }

        var mainPrefix = string.IsNullOrEmpty(main.Package) ? string.Empty : main.Package + ".";
        var tree = main.MessageTypes.Select(m => Node(mainPrefix + m.Name, m)).ToList();
        return new ProtoSchema(messages, tree);
    }

    private static ProtoMessageNode Node(string fullName, DescriptorProto descriptor) =>
        new(fullName, [.. descriptor.NestedTypes.Select(n => Node(fullName + "." + n.Name, n))]);

    private static void Register(Dictionary<string, ProtoEnumLayout> enums, string fullName, EnumDescriptorProto descriptor)
    {
        var layout = new ProtoEnumLayout(fullName);
        foreach (var value in descriptor.Values)
        {
            layout.Add(value.Number, value.Name);
        }

        enums[fullName] = layout;
    }

    private static void Declare(
        Dictionary<string, ProtoMessageLayout> messages,
        Dictionary<string, ProtoEnumLayout> enums,
        List<(ProtoMessageLayout, DescriptorProto)> pending,
        string fullName,
        DescriptorProto descriptor)
    {
        var layout = new ProtoMessageLayout(fullName, descriptor.Options?.MapEntry == true);
        messages[fullName] = layout;
        pending.Add((layout, descriptor));
        foreach (var type in descriptor.EnumTypes)
        {
            Register(enums, fullName + "." + type.Name, type);
        }

        foreach (var nested in descriptor.NestedTypes)
        {
            Declare(messages, enums, pending, fullName + "." + nested.Name, nested);
        }
    }

    private static ProtoFieldLayout[] CompileFields(
        ProtoMessageLayout owner,
        DescriptorProto descriptor,
        Dictionary<string, ProtoMessageLayout> messages,
        Dictionary<string, ProtoEnumLayout> enums)
    {
        var fields = new ProtoFieldLayout[descriptor.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            var source = descriptor.Fields[i];
            var typeName = (source.TypeName ?? string.Empty).TrimStart('.');
            var type = source.type;
            ProtoMessageLayout? message = null;
            ProtoEnumLayout? enumLayout = null;
            if (typeName.Length > 0)
            {
                message = messages.GetValueOrDefault(typeName);
                enumLayout = message is null ? enums.GetValueOrDefault(typeName) : null;
                if (message is null && enumLayout is null)
                {
                    throw Invalid($"type '{typeName}' of field '{owner.FullName}.{source.Name}' is not defined");
                }

                if (type == 0)
                {
                    type = message is null ? FieldDescriptorProto.Type.TypeEnum : FieldDescriptorProto.Type.TypeMessage;
                }
            }

            if (type == 0 || (type is FieldDescriptorProto.Type.TypeMessage or FieldDescriptorProto.Type.TypeGroup && message is null)
                || (type == FieldDescriptorProto.Type.TypeEnum && enumLayout is null))
            {
                throw Invalid($"field '{owner.FullName}.{source.Name}' has no usable type");
            }

            if (source.Number <= 0)
            {
                throw Invalid($"field '{owner.FullName}.{source.Name}' has number {source.Number}");
            }

            fields[i] = new ProtoFieldLayout
            {
                Number = source.Number,
                Name = source.Name,
                JsonName = JsonEncodedText.Encode(string.IsNullOrEmpty(source.JsonName) ? ToJsonName(source.Name) : source.JsonName),
                Type = type,
                IsRepeated = source.label == FieldDescriptorProto.Label.LabelRepeated,
                Slot = i,
                OneofIndex = source.ShouldSerializeOneofIndex() ? source.OneofIndex : -1,
                Message = message,
                Enum = enumLayout,
            };
        }

        return fields;
    }

    /// <summary>protoc's rule: drop underscores and upper-case the letter after each.</summary>
    public static string ToJsonName(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = false;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    private static PayloadDecodeException Invalid(string message) => new(DecodeStatus.InvalidSchema, "Protobuf schema: " + message);
}
