using System.Globalization;
using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace EventObserver.Core.Projections;

/// <summary>
/// Turns an event's UTF-8 JSON into JavaScript values lazily: System.Text.Json indexes the document once, and each
/// object member becomes a JavaScript value only when a handler reads it (a fixed layout per object shape, so
/// objects of one shape share a hidden class). A handler that reads two fields of a 1 KB payload pays for two
/// fields. Anything System.Text.Json reads differently from <c>JSON.parse</c> falls back to Jint's own parser.
/// Not thread-safe; one per engine.
/// </summary>
internal sealed class JsonToJsConverter
{
    private const int MaxDepth = 128;
    private const int MaxLazyMembers = 64;
    private const int MaxShapes = 1024;
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = MaxDepth };
    private static readonly LazySlotFactory[] s_members = [.. Enumerable.Range(0, MaxLazyMembers).Select(MemberFactory)];

    private readonly Engine _engine;
    private readonly JsonParser _fallback;
    private readonly Dictionary<string, JsObjectLayout> _shapes = new(StringComparer.Ordinal);
    private readonly JsValue?[] _noValues = new JsValue?[MaxLazyMembers];

    public JsonToJsConverter(Engine engine)
    {
        _engine = engine;
        _fallback = new JsonParser(engine);
    }

    /// <summary>The value; throws when neither System.Text.Json nor Jint's parser accept the text.</summary>
    public JsValue Convert(byte[] utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, s_options);
        }
        catch (JsonException)
        {
            return _fallback.Parse(utf8.AsSpan());
        }

        // Not disposed on purpose: lazy members read it later; its pooled buffers go back to the GC instead.
        return Convert(document.RootElement);
    }

    private JsValue Convert(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => ConvertObject(element),
                JsonValueKind.Array => ConvertArray(element),
                JsonValueKind.String => new JsString(element.GetString()!),
                JsonValueKind.Number => ConvertNumber(element),
                JsonValueKind.True => JsBoolean.True,
                JsonValueKind.False => JsBoolean.False,
                _ => JsValue.Null,
            };
        }
        catch (InvalidOperationException)
        {
            // Lone surrogate escapes and the like: JSON.parse accepts them, System.Text.Json does not.
            return _fallback.Parse(element.GetRawText());
        }
    }

    private static JsNumber ConvertNumber(JsonElement element)
    {
        if (element.TryGetInt32(out var integer))
        {
            return JsNumber.Create(integer);
        }

        return element.TryGetDouble(out var number)
            ? JsNumber.Create(number)
            : JsNumber.Create(double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private JsArray ConvertArray(JsonElement element)
    {
        var items = new JsValue[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            items[i++] = Convert(item);
        }

        return new JsArray(_engine, items);
    }

    private JsObject ConvertObject(JsonElement element)
    {
        var count = 0;
        foreach (var _ in element.EnumerateObject())
        {
            if (++count > MaxLazyMembers)
            {
                return ConvertEagerly(element);
            }
        }

        var members = new JsonElement[count];
        var names = new string[count];
        var i = 0;
        foreach (var member in element.EnumerateObject())
        {
            names[i] = member.Name;
            members[i++] = member.Value;
        }

        var layout = Layout(names);
        return layout is null
            ? ConvertEagerly(element)
            : JsObject.Create(_engine, layout, _noValues.AsSpan(0, count)!, new LazyObject(this, members));
    }

    /// <summary>One layout per shape (member names in order); null when a name repeats (JSON.parse keeps the last).</summary>
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

    private JsObject ConvertEagerly(JsonElement element)
    {
        var result = new JsObject(_engine);
        foreach (var member in element.EnumerateObject())
        {
            // Defines an own property: "__proto__" stays a member, and a repeated name keeps its last value.
            result.FastSetDataProperty(member.Name, Convert(member.Value));
        }

        return result;
    }

    private static LazySlotFactory MemberFactory(int index) => (_, state) =>
    {
        var lazy = (LazyObject)state!;
        return lazy.Converter.Convert(lazy.Members[index]);
    };

    private sealed record LazyObject(JsonToJsConverter Converter, JsonElement[] Members);
}
