using EventObserver.Core.Decoding.MessagePack;

namespace EventObserver.Core.Decoding.Schemas;

/// <summary>
/// Picks the format of a key or value and decodes it: Confluent framing (schema by id from the registry), local schema
/// files bound to topics, MessagePack by topic rule or detection. Null when the bytes are none of these.
/// </summary>
/// <remarks>
/// Order: a Confluent frame first (magic byte 0); when it does not decode and the topic has a local schema or a
/// MessagePack rule, that is tried on the whole bytes (an unframed Avro datum may start with 0), and wins if it decodes.
/// Keys are judged more cautiously than values, because big-endian integer keys look like frames: a key is a frame only
/// when it is at least 5 bytes, its id is not 0 and a registry is configured; keys are never MessagePack-detected.
/// </remarks>
public sealed class PayloadDecoder : IPayloadDecoder
{
    private const int SchemaCacheCapacity = 1_000;

    private readonly ISchemaRegistry _registry;
    private readonly DecodingRules _rules;
    private readonly bool _detectMessagePack;
    private readonly SchemaCache _schemas = new(SchemaCacheCapacity);

    /// <summary>Compiles the local schema files and topic rules now.</summary>
    /// <exception cref="ArgumentException">A bad entry in <paramref name="options"/>; the message names every one.</exception>
    public PayloadDecoder(DecodingOptions options, ISchemaRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        var failures = new List<string>();
        _rules = DecodingRules.Compile(options, failures);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, failures), nameof(options));
        }

        _detectMessagePack = options.DetectMessagePack;
    }

    /// <summary>What is wrong with <paramref name="options"/> (missing or invalid files, bad regexes): one message per entry.</summary>
    public static IReadOnlyList<string> Validate(DecodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        DecodingRules.Compile(options, failures);
        return failures;
    }

    public DecodedPayload? Decode(string topic, byte[] bytes, PayloadRole role)
    {
        if (bytes is null || bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return DecodeCore(topic ?? string.Empty, bytes, role);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The format decoders turn their failures into statuses; this is for the one nobody foresaw.
            var status = ex is PayloadDecodeException decode ? decode.Status : DecodeStatus.Corrupt;
            return new DecodedPayload(null, new PayloadDecoding { Format = SchemaFormat.Unknown, Status = status, Error = ex.Message });
        }
    }

    private DecodedPayload? DecodeCore(string topic, byte[] bytes, PayloadRole role)
    {
        var rules = _rules.For(topic);
        var local = rules.For(role);
        var messagePackTopic = role == PayloadRole.Value && rules.MessagePack;
        var hasFallback = local is not null || messagePackTopic;
        if (ConfluentFrame.StartsWithMagic(bytes) && DecodeFramed(topic, bytes, role, hasFallback) is { } framed)
        {
            if (framed.Decoding.Status == DecodeStatus.Decoded || !hasFallback)
            {
                return framed;
            }

            var unframed = local is not null ? local.Decode(bytes, framed: false) : DecodeMessagePack(bytes);
            return unframed.Decoding.Status == DecodeStatus.Decoded ? unframed : framed;
        }

        if (local is not null)
        {
            return local.Decode(bytes, framed: false);
        }

        if (messagePackTopic)
        {
            return DecodeMessagePack(bytes);
        }

        if (role == PayloadRole.Value && _detectMessagePack && MessagePackJson.StartsLikeContainer(bytes[0]) && !Utf8Text.IsText(bytes))
        {
            var detected = DecodeMessagePack(bytes);
            return detected.Decoding.Status == DecodeStatus.Decoded ? detected : null;
        }

        return null;
    }

    /// <summary>Null when the bytes should not be taken for a frame (see the remarks on keys).</summary>
    private DecodedPayload? DecodeFramed(string topic, byte[] bytes, PayloadRole role, bool hasFallback)
    {
        var isKey = role == PayloadRole.Key;
        if (bytes.Length < ConfluentFrame.HeaderLength)
        {
            return isKey || hasFallback
                ? null
                : Unknown(null, DecodeStatus.Corrupt, $"Truncated frame: {bytes.Length} bytes, a Confluent frame needs at least {ConfluentFrame.HeaderLength}.");
        }

        var id = ConfluentFrame.ReadSchemaId(bytes);
        if (id <= 0)
        {
            return isKey ? null : Unknown(id, DecodeStatus.UnknownSchema, $"Schema id {id} is not a registry id.");
        }

        if (isKey && !_registry.IsConfigured)
        {
            return null;
        }

        var lookup = _registry.Lookup(id);
        if (lookup.Schema is null)
        {
            var status = lookup.Status == DecodeStatus.Decoded ? DecodeStatus.SchemaUnavailable : lookup.Status;
            return Unknown(id, status, lookup.Reason ?? $"Schema {id} was not found.");
        }

        var decoded = _schemas.GetOrCompile(lookup.Schema).Decode(bytes.AsSpan(ConfluentFrame.HeaderLength), framed: true);
        return SubjectChoice.ForRecord(decoded, lookup.Schema, topic, role);
    }

    private static DecodedPayload DecodeMessagePack(byte[] bytes)
    {
        try
        {
            return new DecodedPayload(MessagePackJson.ToJson(bytes), new PayloadDecoding { Format = SchemaFormat.MessagePack });
        }
        catch (PayloadDecodeException ex)
        {
            return new DecodedPayload(null, new PayloadDecoding { Format = SchemaFormat.MessagePack, Status = ex.Status, Error = ex.Message });
        }
    }

    /// <summary>A frame whose schema, and so whose format, is not known.</summary>
    private static DecodedPayload Unknown(int? id, DecodeStatus status, string error) =>
        new(null, new PayloadDecoding { Format = SchemaFormat.Unknown, Status = status, SchemaId = id, Error = error });
}
