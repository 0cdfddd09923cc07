using System.Globalization;
using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace EventObserver.Core.Projections;

/// <summary>
/// Turns an event's UTF-8 JSON into JavaScript values lazily. One forward pass of <see cref="Utf8JsonReader"/>
/// validates the whole text and notes where each top-level member's value lies (nested values are skipped, not
/// built); a member becomes a JavaScript value only when a handler reads it, by reading just its bytes again. So a
/// handler that reads two fields of a 1 KB payload pays for one scan and two fields, and nothing is rented or kept
/// but the payload itself. Objects of one shape (member names in order) share one layout, found by the names' raw
/// bytes without allocating them. Anything System.Text.Json reads differently from <c>JSON.parse</c> falls back to
/// Jint's own parser. Not thread-safe; one per engine.
/// </summary>
internal sealed class JsonToJsConverter
{
    private const int MaxDepth = 128;
    private const int MaxLazyMembers = 64;
    private const int MaxShapes = 1024;
    private static readonly JsonReaderOptions s_options = new() { MaxDepth = MaxDepth };
    private static readonly LazySlotFactory[] s_members = [.. Enumerable.Range(0, MaxLazyMembers).Select(MemberFactory)];

    private readonly Engine _engine;
    private readonly JsonParser _fallback;
    private readonly Dictionary<string, JsObjectLayout> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, RawShape> _rawShapes = [];
    private readonly JsValue?[] _noValues = new JsValue?[MaxLazyMembers];
    private readonly int[] _scratch = new int[MaxLazyMembers * 4];

    public JsonToJsConverter(Engine engine)
    {
        _engine = engine;
        _fallback = new JsonParser(engine);
    }

    /// <summary>The value; throws when neither System.Text.Json nor Jint's parser accept the text.</summary>
    public JsValue Convert(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, s_options);
        try
        {
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
        var reader = new Utf8JsonReader(utf8.AsSpan(start, end - start), s_options);
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

    /// <summary>The reader is on the object's start; scratch holds name start, name length, value start, value end.</summary>
    private JsValue ConvertObject(byte[] utf8, int offset, ref Utf8JsonReader reader)
    {
        var objectStart = offset + (int)reader.TokenStartIndex;
        var scratch = _scratch;
        var count = 0;
        var hash = 17;
        var escaped = false;
        var wide = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (wide || count == MaxLazyMembers)
            {
                // Too many members to be lazy: read to the end, then build every member from the start.
                wide = true;
                reader.Read();
                reader.Skip();
                continue;
            }

            var at = count * 4;
            scratch[at] = offset + (int)reader.TokenStartIndex + 1;
            scratch[at + 1] = reader.ValueSpan.Length;
            escaped |= reader.ValueIsEscaped;
            hash = Mix(hash, reader.ValueSpan);
            reader.Read();
            scratch[at + 2] = offset + (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            scratch[at + 3] = offset + (int)reader.BytesConsumed;
            count++;
        }

        if (wide)
        {
            return ConvertEagerly(utf8, objectStart);
        }

        var key = hash;
        var layout = !escaped && _rawShapes.TryGetValue(key, out var raw) && raw.Matches(utf8, scratch, count)
            ? raw.Layout
            : NewShape(utf8, scratch, count, escaped, key);
        if (layout is null)
        {
            return ConvertEagerly(utf8, scratch, count);
        }

        var values = new int[count * 2];
        for (var i = 0; i < count; i++)
        {
            values[i * 2] = scratch[i * 4 + 2];
            values[i * 2 + 1] = scratch[i * 4 + 3];
        }

        return JsObject.Create(_engine, layout, _noValues.AsSpan(0, count)!, new LazyObject(this, utf8, values));
    }

    /// <summary>
    /// A cheap fingerprint of a member name for the shape table; a collision only costs the slow path, since a shape
    /// is always compared byte by byte before it is used.
    /// </summary>
    private static int Mix(int hash, ReadOnlySpan<byte> name) => name.IsEmpty
        ? (hash * 31) + 1
        : (hash * 31) ^ (name.Length * 7919) ^ (name[0] << 8) ^ (name[name.Length / 2] << 16) ^ (name[^1] << 24);

    /// <summary>A layout for a shape not seen yet; null when a name repeats (JSON.parse keeps the last).</summary>
    private JsObjectLayout? NewShape(byte[] utf8, int[] scratch, int count, bool escaped, int key)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = Name(utf8, scratch, i);
        }

        var layout = Layout(names);
        if (layout is not null && !escaped && _rawShapes.Count < MaxShapes && !_rawShapes.ContainsKey(key))
        {
            _rawShapes[key] = new RawShape(layout, [.. Enumerable.Range(0, count).Select(i => utf8.AsSpan(scratch[i * 4], scratch[i * 4 + 1]).ToArray())]);
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
    private string Name(byte[] utf8, int[] scratch, int index)
    {
        var start = scratch[index * 4] - 1;
        var reader = new Utf8JsonReader(utf8.AsSpan(start, scratch[index * 4 + 1] + 2), s_options);
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

    private JsObject ConvertEagerly(byte[] utf8, int[] shared, int count)
    {
        // Converting a nested object reuses the shared scratch, so this (rare) path works on its own copy.
        var scratch = shared.AsSpan(0, count * 4).ToArray();
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
        var reader = new Utf8JsonReader(utf8.AsSpan(objectStart), s_options);
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
        return lazy.Converter.ConvertSlice(lazy.Utf8, lazy.Values[index * 2], lazy.Values[index * 2 + 1]);
    };

    private sealed record LazyObject(JsonToJsConverter Converter, byte[] Utf8, int[] Values);

    private sealed record RawShape(JsObjectLayout Layout, byte[][] Names)
    {
        public bool Matches(byte[] utf8, int[] scratch, int count)
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
