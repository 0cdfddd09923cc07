using EventObserver.Core.Decoding.Avro;
using EventObserver.Core.Decoding.Protobuf;

namespace EventObserver.Core.Decoding.Schemas;

/// <summary>
/// One schema made ready once (per registry id or local file) and then used for every body written with it. A schema
/// that does not compile is kept too, as its error, so a bad schema costs one compile, not one per message.
/// </summary>
internal sealed class CompiledSchema
{
    private readonly PayloadDecoding _template;
    private readonly AvroJsonDecoder? _avro;
    private readonly ProtobufJsonDecoder? _protobuf;
    private readonly string? _compileError;

    /// <summary>For unframed Protobuf (local files): the message every body is; framed bodies name theirs by index.</summary>
    private readonly string? _messageType;

    private CompiledSchema(PayloadDecoding template, AvroJsonDecoder? avro, ProtobufJsonDecoder? protobuf, string? messageType, string? compileError)
    {
        _template = template;
        _avro = avro;
        _protobuf = protobuf;
        _messageType = messageType;
        _compileError = compileError;
    }

    public SchemaFormat Format => _template.Format;

    /// <summary>Compiles a registry schema; never throws (a failure becomes <see cref="DecodeStatus.InvalidSchema"/> on every body).</summary>
    public static CompiledSchema FromRegistry(RegisteredSchema schema)
    {
        var template = new PayloadDecoding { Format = schema.Format, SchemaId = schema.Id, Subject = schema.Subject, Version = schema.Version };
        try
        {
            return schema.Format switch
            {
                SchemaFormat.Avro => new(template, AvroJsonDecoder.Compile(schema.Text, schema.References), null, null, null),
                SchemaFormat.Protobuf => new(template, null, ProtobufJsonDecoder.Compile(schema.Text, schema.References), null, null),
                SchemaFormat.Json => new(template, null, null, null, null),
                _ => new(template, null, null, null, $"Schema {schema.Id} has format {schema.Format}, which is not read from a registry."),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new(template, null, null, null, $"Schema {schema.Id} does not compile: {ex.Message}");
        }
    }

    public static CompiledSchema FromAvroFile(AvroJsonDecoder avro, string fileName) =>
        new(new PayloadDecoding { Format = SchemaFormat.Avro, SchemaFile = fileName }, avro, null, null, null);

    public static CompiledSchema FromProtobufFile(ProtobufJsonDecoder protobuf, string messageType, string fileName) =>
        new(new PayloadDecoding { Format = SchemaFormat.Protobuf, SchemaFile = fileName }, null, protobuf, messageType, null);

    /// <summary>
    /// Decodes one body (after the 5-byte frame when <paramref name="framed"/>, where Protobuf bodies start with their
    /// message indexes). Never throws.
    /// </summary>
    public DecodedPayload Decode(ReadOnlySpan<byte> body, bool framed)
    {
        return Format switch
        {
            SchemaFormat.Json => DecodeJson(body),
            SchemaFormat.Avro => DecodeAvro(body),
            SchemaFormat.Protobuf => DecodeProtobuf(body, framed),
            _ => Failed(null, DecodeStatus.InvalidSchema, _compileError, null),
        };
    }

    private DecodedPayload DecodeJson(ReadOnlySpan<byte> body)
    {
        var fields = new JsonPayloadFields();
        if (Utf8Text.IsText(body) && JsonPayloadScanner.LooksLikeJson(body) && JsonPayloadScanner.TryScan(body, ref fields))
        {
            return new DecodedPayload(JsonPayloadScanner.SkipBom(body).ToArray(), _template);
        }

        return Failed(null, DecodeStatus.Corrupt, "The body after the schema id is not one valid JSON value.", null);
    }

    private DecodedPayload DecodeAvro(ReadOnlySpan<byte> body)
    {
        if (_avro is null)
        {
            return Failed(null, DecodeStatus.InvalidSchema, _compileError, null);
        }

        try
        {
            return new DecodedPayload(_avro.ToJson(body), _template with { TypeName = _avro.TypeName });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failed(null, StatusOf(ex), ex.Message, _avro.TypeName);
        }
    }

    private DecodedPayload DecodeProtobuf(ReadOnlySpan<byte> body, bool framed)
    {
        var message = body;
        string? typeName = _messageType;
        try
        {
            IReadOnlyList<int>? indexes = null;
            if (framed)
            {
                indexes = ConfluentFrame.ReadMessageIndexes(body, out var consumed);
                message = body[consumed..];
            }

            if (_protobuf is null)
            {
                // Known to be Protobuf (the registry said so), but the schema is unusable: the field-number view still helps.
                return Failed(RawView(message), DecodeStatus.InvalidSchema, _compileError, null);
            }

            if (indexes is not null)
            {
                typeName = _protobuf.ResolveMessage(indexes);
            }

            typeName ??= _protobuf.MessageNames.Count > 0 ? _protobuf.MessageNames[0] : null;
            if (typeName is null)
            {
                return Failed(RawView(message), DecodeStatus.SchemaMismatch, "The schema has no message type.", null);
            }

            return new DecodedPayload(_protobuf.ToJson(typeName, message), _template with { TypeName = typeName });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var broken = message.Length == body.Length && framed;
            return Failed(broken ? null : RawView(message), StatusOf(ex), ex.Message, typeName);
        }
    }

    private DecodedPayload Failed(byte[]? json, DecodeStatus status, string? error, string? typeName) =>
        new(json, _template with { Status = status, Error = error ?? status.ToString(), TypeName = typeName });

    private static DecodeStatus StatusOf(Exception ex) => ex is PayloadDecodeException decode ? decode.Status : DecodeStatus.Corrupt;

    /// <summary>The schema-less field-number view, or null when the bytes are not a Protobuf message at all.</summary>
    private static byte[]? RawView(ReadOnlySpan<byte> message)
    {
        try
        {
            return ProtobufRawDecoder.TryToJson(message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The raw decoder promises not to throw; a bug there must not cost the status we already have.
            return null;
        }
    }
}
