using System.Text;
using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using Jint;
using Jint.Native;

namespace EventObserver.Core.Projections;

/// <summary>
/// Builds the <c>e</c> a handler receives. Every event object shares one hidden class (a fixed layout), so handlers
/// keep monomorphic property caches; <c>data</c>, <c>text</c>, <c>headers</c>, <c>timestamp</c> and the rarely read ids are
/// produced on first read only, inside the guarded handler call, so events whose payload is never looked at cost no parsing.
/// </summary>
internal sealed class EventObjectFactory
{
    private const int MaxCachedStrings = 4096;

    private static readonly JsObjectLayout s_layout = JsObjectLayout.CreateBuilder()
        .Add("type").Add("kind").AddLazy("data", ReadData).AddLazy("text", ReadText)
        .Add("key").Add("topic").Add("partition").Add("offset")
        .AddLazy("timestamp", ReadTimestamp).Add("timestampMs").AddLazy("headers", ReadHeaders)
        .AddLazy("correlationId", ReadCorrelationId).AddLazy("causationId", ReadCausationId).AddLazy("messageId", ReadMessageId)
        .Add("source").AddLazy("subject", ReadSubject).AddLazy("traceId", ReadTraceId).AddLazy("id", ReadId)
        .Build();

    private static readonly JsString s_command = new("Command");
    private static readonly JsString s_event = new("Event");
    private static readonly JsString s_message = new("Message");

    private readonly Engine _engine;
    private readonly JsonToJsConverter _converter;
    private readonly Dictionary<string, JsString> _strings = new(StringComparer.Ordinal);
    private readonly JsValue[] _values = new JsValue[18];
    private bool _dataRead;

    /// <summary>True once a handler has read an event's <c>data</c>; read from other threads, so volatile.</summary>
    public bool DataRead
    {
        get => Volatile.Read(ref _dataRead);
        private set => Volatile.Write(ref _dataRead, value);
    }

    /// <summary>The strings every event of a type, topic or source shares; kept for the factory's life.</summary>
    public IEnumerable<JsString> CachedStrings => _strings.Values;

    public EventObjectFactory(Engine engine)
    {
        _engine = engine;
        _converter = new JsonToJsConverter(engine);
    }

    public JsObject Create(EventEnvelope envelope, PreparedPayload? prepared)
    {
        var v = _values;
        v[0] = Cached(envelope.MessageType);
        v[1] = envelope.Kind switch { MessageKind.Command => s_command, MessageKind.Event => s_event, _ => s_message };
        v[2] = null!;
        v[3] = null!;
        v[4] = Text(envelope.Key);
        v[5] = Cached(envelope.Topic);
        v[6] = JsNumber.Create(envelope.Partition);
        v[7] = JsNumber.Create(envelope.Offset);
        v[8] = null!;
        v[9] = JsNumber.Create(envelope.TimestampMs);
        v[10] = null!;
        v[11] = null!;
        v[12] = null!;
        v[13] = null!;
        v[14] = Cached(envelope.Source);
        v[15] = null!;
        v[16] = null!;
        v[17] = null!;
        return JsObject.Create(_engine, s_layout, v, new LazyEvent(envelope, this, prepared));
    }

    private static JsValue Text(string? text) => text is null ? JsValue.Null : new JsString(text);

    /// <summary>Types, topics and sources repeat on every event: one JS string each.</summary>
    private JsValue Cached(string? text)
    {
        if (text is null)
        {
            return JsValue.Null;
        }

        if (_strings.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var created = new JsString(text);
        if (_strings.Count < MaxCachedStrings)
        {
            _strings[text] = created;
        }

        return created;
    }

    private static JsValue ReadData(JsObject instance, object? state)
    {
        var lazy = (LazyEvent)state!;
        if (lazy.Envelope.JsonPayload is not { } payload)
        {
            return JsValue.Null;
        }

        lazy.Factory.DataRead = true;
        try
        {
            return lazy.Factory._converter.Convert(payload, lazy.Prepared);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InsufficientExecutionStackException)
        {
            // The decoder said JSON but Jint disagrees (e.g. nesting deeper than its parse limit): no data, not a failure.
            return JsValue.Null;
        }
    }

    private static JsValue ReadCorrelationId(JsObject instance, object? state) => Text(((LazyEvent)state!).Envelope.CorrelationId);

    private static JsValue ReadCausationId(JsObject instance, object? state) => Text(((LazyEvent)state!).Envelope.CausationId);

    private static JsValue ReadMessageId(JsObject instance, object? state) => Text(((LazyEvent)state!).Envelope.MessageId);

    private static JsValue ReadSubject(JsObject instance, object? state) => Text(((LazyEvent)state!).Envelope.Subject);

    private static JsValue ReadTraceId(JsObject instance, object? state) => Text(((LazyEvent)state!).Envelope.TraceId);

    private static JsValue ReadId(JsObject instance, object? state) => new JsString(((LazyEvent)state!).Envelope.Id);

    private static JsValue ReadText(JsObject instance, object? state)
    {
        var envelope = ((LazyEvent)state!).Envelope;
        var payload = envelope.JsonPayload ?? (envelope.PayloadFormat == PayloadFormat.Text ? envelope.Payload : null);
        return payload is not null
            ? new JsString(Encoding.UTF8.GetString(payload))
            : JsValue.Null;
    }

    private static JsValue ReadTimestamp(JsObject instance, object? state) => new JsString(IsoTimestamp(((LazyEvent)state!).Envelope.Timestamp.UtcDateTime));

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, as <c>Date.prototype.toISOString</c> gives it; written digit by digit because
    /// most handlers read it and a custom format string is parsed again on every call.
    /// </summary>
    internal static string IsoTimestamp(DateTime utc) => string.Create(24, utc, static (c, t) =>
    {
        Digits(c[..4], t.Year);
        c[4] = '-';
        Digits(c.Slice(5, 2), t.Month);
        c[7] = '-';
        Digits(c.Slice(8, 2), t.Day);
        c[10] = 'T';
        Digits(c.Slice(11, 2), t.Hour);
        c[13] = ':';
        Digits(c.Slice(14, 2), t.Minute);
        c[16] = ':';
        Digits(c.Slice(17, 2), t.Second);
        c[19] = '.';
        Digits(c.Slice(20, 3), t.Millisecond);
        c[23] = 'Z';
    });

    private static void Digits(Span<char> to, int value)
    {
        for (var i = to.Length - 1; i >= 0; i--)
        {
            to[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Name → text; a repeated header's last value wins; binary values as lower-case hex.</summary>
    private static JsValue ReadHeaders(JsObject instance, object? state)
    {
        var headers = new JsObject(instance.Engine);
        foreach (var header in ((LazyEvent)state!).Envelope.Headers)
        {
            // FastSetDataProperty defines an own property, so a header named __proto__ cannot touch the prototype.
            headers.FastSetDataProperty(header.Key, header.Value is null ? JsValue.Null : new JsString(Utf8Text.DecodeOrHex(header.Value)));
        }

        return headers;
    }

    private sealed record LazyEvent(EventEnvelope Envelope, EventObjectFactory Factory, PreparedPayload? Prepared);
}
