using Avro;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>
/// Parses a schema together with the named types it refers to. References may depend on each other in any order, so
/// they are parsed in rounds until none more succeeds; each attempt works on a copy of the names, because a parse
/// that fails halfway has already registered the records it started.
/// </summary>
internal static class AvroSchemaParser
{
    public static Schema Parse(string schemaText, IReadOnlyList<SchemaReferenceText>? references)
    {
        if (string.IsNullOrWhiteSpace(schemaText))
        {
            throw new PayloadDecodeException(DecodeStatus.InvalidSchema, "The Avro schema is empty.");
        }

        var names = new SchemaNames();
        var referenceErrors = new List<string>();
        if (references is { Count: > 0 })
        {
            names = ParseReferences(references, referenceErrors);
        }

        try
        {
            return Schema.Parse(schemaText, names, null);
        }
        catch (Exception e)
        {
            var detail = referenceErrors.Count == 0 ? string.Empty : $" (references that did not parse: {string.Join("; ", referenceErrors)})";
            throw new PayloadDecodeException(DecodeStatus.InvalidSchema, $"Invalid Avro schema: {e.Message}{detail}", e);
        }
    }

    private static SchemaNames ParseReferences(IReadOnlyList<SchemaReferenceText> references, List<string> errors)
    {
        var names = new SchemaNames();
        var pending = references.ToList();
        var progress = true;
        while (pending.Count > 0 && progress)
        {
            progress = false;
            errors.Clear();
            foreach (var reference in pending.ToList())
            {
                var attempt = Copy(names);
                try
                {
                    Schema.Parse(reference.Text, attempt, null);
                    names = attempt;
                    pending.Remove(reference);
                    progress = true;
                }
                catch (Exception e)
                {
                    errors.Add($"{reference.Name}: {e.Message}");
                }
            }
        }

        return names;
    }

    private static SchemaNames Copy(SchemaNames source)
    {
        var copy = new SchemaNames();
        foreach (var (name, schema) in source)
        {
            copy.Add(name, schema);
        }

        return copy;
    }
}
