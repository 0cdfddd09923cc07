using System.Globalization;
using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace EventObserver.Core.Projections;

/// <summary>
/// Turns an event's UTF-8 JSON into JavaScript values lazily. One forward pass of <see cref="Utf8JsonReader"/>
/// (<see cref="JsonMemberTable"/>, done here or ahead on a replay's read thread) validates the whole text and notes
/// where each top-level member's value lies (nested values are skipped, not built); a member becomes a JavaScript value only when a handler reads it, by reading just its bytes again. So a
/// handler that reads two fields of a 1 KB payload pays for one scan and two fields, and nothing is rented or kept
/// but the payload itself. Objects of one shape (member names in order) share one layout, found by the names' raw
/// bytes without allocating them. Anything System.Text.Json reads differently from <c>JSON.parse</c> falls back to
/// Jint's own parser. Not thread-safe; one per engine.
/// </summary>
internal sealed class JsonToJsConverter
{
    private const int MaxShapes = 1024;
    private static readonly LazySlotFactory[] s_members = [.. Enumerable.Range(0, JsonMemberTable.MaxMembers).Select(MemberFactory)];

    private readonly Engine _engine;
    private readonly JsonParser _fallback;
    private readonly Dictionary<string, JsObjectLayout> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, RawShape> _rawShapes = [];
    private readonly JsValue?[] _noValues = new JsValue?[JsonMemberTable.MaxMembers];
    private readonly int[] _scratch = new int[JsonMemberTable.MaxMembers * 4];

    public JsonToJsConverter(Engine engine)
    {
        _engine = engine;
        _fallback = new JsonParser(engine);
    }

    /// <summary>
    /// The value; throws when neither System.Text.Json nor Jint's parser accept the text. A <paramref name="prepared"/>
    /// table of this very payload spares the scan.
    /// </summary>
    public JsValue Convert(byte[] utf8, PreparedPayload? prepared = null)
    {
        var reader = new Utf8JsonReader(utf8, JsonMemberTable.ReaderOptions);
        try
        {
            if (prepared is not null && ReferenceEquals(prepared.Utf8, utf8))
            {
                return FromMembers(utf8, prepared.Members, prepared.Count, prepared.Escaped, prepared.Hash, prepared.Members);
            }

            // Building the top level reads (and so validates) every byte once; the last Read throws on trailing
            // content, so the text is accepted all or nothing, as JSON.parse does.
            reader.Read();
            var value = ConvertValue(utf8, 0, ref reader);
            reader.Read();
            return value;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return _fallback.Parse(utf8.AsSpan());
        }
    }

    /// <summary>The value whose (already validated) text is <c>utf8[start..end]</c>.</summary>
    private JsValue ConvertSlice(byte[] utf8, int start, int end)
    {
        var reader = new Utf8JsonReader(utf8.AsSpan(start, end - start), JsonMemberTable.ReaderOptions);
        try
        {
            reader.Read();
            return ConvertValue(utf8, start, ref reader);
        }
        catch (InvalidOperationException)
        {
            // Lone surrogate escapes and the like: JSON.parse accepts them, System.Text.Json does not.
            return _fallback.Parse(utf8.AsSpan(start, end - start));
        }
    }

    /// <summary>The value at the reader's token, consumed to its last token; <paramref name="offset"/> is where the reader's span starts.</summary>
    private JsValue ConvertValue(byte[] utf8, int offset, ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => ConvertObject(utf8, offset, ref reader),
        JsonTokenType.StartArray => ConvertArray(utf8, offset, ref reader),
        JsonTokenType.String => new JsString(reader.GetString()!),
        JsonTokenType.Number => ConvertNumber(ref reader),
        JsonTokenType.True => JsBoolean.True,
        JsonTokenType.False => JsBoolean.False,
        _ => JsValue.Null,
    };

    private static JsNumber ConvertNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt32(out var integer))
        {
            return JsNumber.Create(integer);
        }

        return reader.TryGetDouble(out var number)
            ? JsNumber.Create(number)
            : JsNumber.Create(double.Parse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private JsArray ConvertArray(byte[] utf8, int offset, ref Utf8JsonReader reader)
    {
        var items = new List<JsValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(ConvertValue(utf8, offset, ref reader));
        }

        return new JsArray(_engine, [.. items]);
    }

    /// <summary>The reader is on the object's start.</summary>
    private JsValue ConvertObject(byte[] utf8, int offset, ref Utf8JsonReader reader)
    {
        var objectStart = offset + (int)reader.TokenStartIndex;
        return JsonMemberTable.Read(offset, ref reader, _scratch, out var count, out var escaped, out var hash)
            ? FromMembers(utf8, _scratch, count, escaped, hash, null)
            : ConvertEagerly(utf8, objectStart);
    }

    /// <summary>
    /// The object whose members <paramref name="table"/> lists; <paramref name="owned"/> is the same table when it
    /// belongs to this payload alone (prepared), so the object can keep it instead of a copy.
    /// </summary>
    private JsValue FromMembers(byte[] utf8, ReadOnlySpan<int> table, int count, bool escaped, int hash, int[]? owned)
    {
        var layout = !escaped && _rawShapes.TryGetValue(hash, out var raw) && raw.Matches(utf8, table, count)
            ? raw.Layout
            : NewShape(utf8, table, count, escaped, hash);
        if (layout is null)
        {
            return ConvertEagerly(utf8, table, count);
        }

        var members = owned ?? table[..(count * 4)].ToArray();
        return JsObject.Create(_engine, layout, _noValues.AsSpan(0, count)!, new LazyObject(this, utf8, members));
    }

    /// <summary>A layout for a shape not seen yet; null when a name repeats (JSON.parse keeps the last).</summary>
    private JsObjectLayout? NewShape(byte[] utf8, ReadOnlySpan<int> scratch, int count, bool escaped, int key)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = Name(utf8, scratch, i);
        }

        var layout = Layout(names);
        if (layout is not null && !escaped && _rawShapes.Count < MaxShapes && !_rawShapes.ContainsKey(key))
        {
            var raw = new byte[count][];
            for (var i = 0; i < count; i++)
            {
                raw[i] = utf8.AsSpan(scratch[i * 4], scratch[i * 4 + 1]).ToArray();
            }

            _rawShapes[key] = new RawShape(layout, raw);
        }

        return layout;
    }

    /// <summary>One layout per shape (member names in order); null when a name repeats.</summary>
    private JsObjectLayout? Layout(string[] names)
    {
        var key = string.Join('\u0001', names);
        if (_shapes.TryGetValue(key, out var layout))
        {
            return layout;
        }

        if (names.Length != names.Distinct(StringComparer.Ordinal).Count())
        {
            return null;
        }

        var builder = JsObjectLayout.CreateBuilder();
        for (var i = 0; i < names.Length; i++)
        {
            builder.AddLazy(names[i], s_members[i]);
        }

        layout = builder.Build();
        if (_shapes.Count < MaxShapes)
        {
            _shapes[key] = layout;
        }

        return layout;
    }

    /// <summary>A member name (the bytes between its quotes), unescaped as JSON.parse would.</summary>
    private string Name(byte[] utf8, ReadOnlySpan<int> scratch, int index)
    {
        var start = scratch[index * 4] - 1;
        var reader = new Utf8JsonReader(utf8.AsSpan(start, scratch[index * 4 + 1] + 2), JsonMemberTable.ReaderOptions);
        reader.Read();
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return _fallback.Parse(utf8.AsSpan(start, scratch[index * 4 + 1] + 2)).ToString();
        }
    }

    private JsObject ConvertEagerly(byte[] utf8, ReadOnlySpan<int> shared, int count)
    {
        // Converting a nested object reuses the shared scratch, so this (rare) path works on its own copy.
        var scratch = shared[..(count * 4)].ToArray();
        var result = new JsObject(_engine);
        for (var i = 0; i < count; i++)
        {
            // Defines an own property: "__proto__" stays a member, and a repeated name keeps its last value.
            result.FastSetDataProperty(Name(utf8, scratch, i), ConvertSlice(utf8, scratch[i * 4 + 2], scratch[i * 4 + 3]));
        }

        return result;
    }

    /// <summary>Too many members to be lazy: every member at once, from the object's first byte.</summary>
    private JsObject ConvertEagerly(byte[] utf8, int objectStart)
    {
        var reader = new Utf8JsonReader(utf8.AsSpan(objectStart), JsonMemberTable.ReaderOptions);
        reader.Read();
        var result = new JsObject(_engine);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = objectStart + (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            result.FastSetDataProperty(name, ConvertSlice(utf8, start, objectStart + (int)reader.BytesConsumed));
        }

        return result;
    }

    private static LazySlotFactory MemberFactory(int index) => (_, state) =>
    {
        var lazy = (LazyObject)state!;
        return lazy.Converter.ConvertSlice(lazy.Utf8, lazy.Members[index * 4 + 2], lazy.Members[index * 4 + 3]);
    };

    private sealed record LazyObject(JsonToJsConverter Converter, byte[] Utf8, int[] Members);

    private sealed record RawShape(JsObjectLayout Layout, byte[][] Names)
    {
        public bool Matches(byte[] utf8, ReadOnlySpan<int> scratch, int count)
        {
            if (Names.Length != count)
            {
                return false;
            }

            for (var i = 0; i < count; i++)
            {
                if (!utf8.AsSpan(scratch[i * 4], scratch[i * 4 + 1]).SequenceEqual(Names[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
