using System.Text.Json;

namespace EventObserver.Core.Decoding.Avro;

/// <summary>
/// One schema position compiled for reading: reads its value's binary encoding and writes the JSON view. Built once per
/// schema by <see cref="AvroNodeCompiler"/>, shared by all threads (nodes hold no per-datum state).
/// </summary>
internal abstract class AvroNode
{
    /// <summary>Records, arrays and maps deeper than this are refused: recursive schemas must not exhaust the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>False for values encoded in zero bytes (null, empty fixed, records of those): their arrays get a count cap.</summary>
    public virtual bool ConsumesBytes => true;

    public abstract void Write(ref AvroReader reader, Utf8JsonWriter writer, int depth);

    protected static int Enter(ref AvroReader reader, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw AvroReader.Corrupt(reader.Position, $"values nest deeper than {MaxDepth} levels");
        }

        return depth + 1;
    }
}
