using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Kinds;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Decoding;

/// <summary>
/// Turns a raw Kafka record into an <see cref="EventEnvelope"/>. Never throws on bad input:
/// broken JSON, binary or odd headers are classified, not rejected. Thread-safe.
/// </summary>
/// <remarks>
/// Priority for every field, best first: user mappings (in configuration order); CloudEvents binary
/// <c>ce_*</c> headers; structured CloudEvents body; namespaced framework headers (NServiceBus, MassTransit
/// MT-*, Axon, Eventuous, Wolverine parent-id, dead-letter headers); KurrentDB <c>$correlationId</c>/<c>$causationId</c>
/// in the body; plain header names; conversation ids (correlation only); type properties of the JSON body
/// (type only); the message's own id in the JSON body (id only, see <see cref="PayloadConventions"/>). Last resorts: the
/// traceparent trace id for the correlation, the text key for the subject, the position for the message id. A repeated
/// header's last value wins.
/// </remarks>
public sealed class EnvelopeDecoder
{
    private readonly HeaderRuleSet _headerRules;
    private readonly IReadOnlyList<JsonPathMapping> _jsonMappings;
    private readonly KindCache _kinds = new();
    private readonly IPayloadDecoder? _payloadDecoder;

    /// <param name="options">Lineage mappings.</param>
    /// <param name="payloadDecoder">Schema-aware decoding of keys and values; null reads JSON and text only.</param>
    public EnvelopeDecoder(LineageOptions options, IPayloadDecoder? payloadDecoder = null)
    {
        _payloadDecoder = payloadDecoder;
        var mappings = (IReadOnlyList<LineageMapping>?)options?.Mappings ?? [];
        _headerRules = new HeaderRuleSet(mappings);
        _jsonMappings = JsonPathMapping.Compile(mappings);
    }

    public EventEnvelope Decode(RawRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return DecodeCore(record);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last line of defence for the ingestion loop: a record we cannot read is still indexed, raw.
            return Undecoded(record);
        }
    }

    /// <summary>The decoding itself, without the safety net (tests call it to see real failures).</summary>
    internal EventEnvelope DecodeCore(RawRecord record)
    {
        var topic = record.Topic ?? string.Empty;
        var headers = record.Headers ?? [];
        var candidates = new LineageCandidates();
        ReadHeaders(headers, ref candidates);

        // The key first: the payload-id convention compares a plain `id` with it.
        var keyDecoded = DecodePart(topic, record.Key, PayloadRole.Key);
        var (key, keyFormat) = KeyDecoder.Decode(record.Key);
        var keyIsSubject = true;
        if (keyDecoded?.Json is { } keyView)
        {
            key = DecodedViews.KeyText(keyView, out keyIsSubject);
            keyFormat = KeyFormat.Text;
        }

        var fields = new JsonPayloadFields();
        var format = PayloadClassifier.Classify(record.Value, ref fields);
        var decoded = DecodePart(topic, record.Value, PayloadRole.Value);
        var json = format == PayloadFormat.Json ? record.Value : null;
        if (decoded?.Json is { } view)
        {
            // The decoded view is what the conventions and mappings read, as they read a JSON payload.
            var decodedFields = new JsonPayloadFields();
            if (JsonPayloadScanner.TryScan(view, ref decodedFields))
            {
                fields = decodedFields;
                json = view;
            }
        }

        if (json is not null)
        {
            if (CloudEventsStructured.IsContentType(candidates.Get(LineageSlot.ContentType)) || fields.LooksLikeCloudEvent)
            {
                CloudEventsStructured.Apply(fields, ref candidates);
            }

            PayloadConventions.Apply(fields, ref candidates, keyFormat == KeyFormat.Text ? key : null);
            ReadJsonMappings(json, ref candidates);
        }

        var messageId = candidates.Get(LineageSlot.MessageId);
        var messageType = candidates.Get(LineageSlot.MessageType) ?? DecodedViews.MessageType(decoded?.Decoding);
        var traceId = candidates.Get(LineageSlot.TraceId);
        var subject = candidates.Get(LineageSlot.Subject)
            ?? (keyFormat == KeyFormat.Text && keyIsSubject && !string.IsNullOrWhiteSpace(key) ? key.Trim() : null);

        return new EventEnvelope
        {
            Topic = topic,
            Partition = record.Partition,
            Offset = record.Offset,
            TimestampMs = record.TimestampMs,
            TimestampKind = record.TimestampKind,
            KeyBytes = record.Key,
            Key = key,
            KeyFormat = keyFormat,
            KeyDecoding = keyDecoded?.Decoding,
            Headers = headers,
            Payload = record.Value,
            PayloadFormat = format,
            DecodedPayload = decoded?.Json,
            Decoding = decoded?.Decoding,
            MessageId = messageId ?? EventPosition.Format(topic, record.Partition, record.Offset),
            MessageIdDerived = messageId is null,
            MessageType = messageType,
            Kind = _kinds.Classify(messageType, topic, candidates.Get(LineageSlot.KindHint)),
            CorrelationId = candidates.Get(LineageSlot.CorrelationId) ?? traceId,
            CausationId = candidates.Get(LineageSlot.CausationId),
            TraceId = traceId,
            Source = candidates.Get(LineageSlot.Source),
            Subject = subject,
            DeadLetterOf = DeadLetterHeaders.Build(
                candidates.Get(LineageSlot.DeadLetterTopic),
                candidates.Get(LineageSlot.DeadLetterPartition),
                candidates.Get(LineageSlot.DeadLetterOffset),
                candidates.Get(LineageSlot.DeadLetterError)),
        };
    }

    private DecodedPayload? DecodePart(string topic, byte[]? bytes, PayloadRole role) =>
        _payloadDecoder is not null && bytes is { Length: > 0 } ? _payloadDecoder.Decode(topic, bytes, role) : null;

    private void ReadHeaders(IReadOnlyList<EnvelopeHeader> headers, ref LineageCandidates candidates)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (header?.Key is null || header.Value is null || !_headerRules.TryGetRules(header.Key, out var rules))
            {
                continue;
            }

            foreach (var rule in rules)
            {
                if (candidates.Wants(rule.Slot, rule.Rank))
                {
                    candidates.Offer(rule.Slot, HeaderValueReader.Read(header.Value, rule.ValueKind), rule.Rank);
                }
            }
        }
    }

    private void ReadJsonMappings(byte[] payload, ref LineageCandidates candidates)
    {
        foreach (var mapping in _jsonMappings)
        {
            if (candidates.Wants(mapping.Slot, mapping.Rank))
            {
                candidates.Offer(mapping.Slot, JsonPathReader.TryRead(payload, mapping.Path), mapping.Rank);
            }
        }
    }

    /// <summary>
    /// Decodes again an event whose schema was unavailable when it was indexed (registry down, timeout), now that it may
    /// be; returns <paramref name="envelope"/> itself when there is nothing to retry or it still fails.
    /// </summary>
    /// <remarks>
    /// Ids and type are read afresh from the re-decoded payload (a payload id or schema type may now be there); the
    /// masking list starts empty, as for any envelope read from the index. Cheap when nothing was unavailable.
    /// </remarks>
    public EventEnvelope Redecode(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var valueRetry = DecodedViews.IsRetryable(envelope.Decoding);
        var keyRetry = DecodedViews.IsRetryable(envelope.KeyDecoding);
        if (_payloadDecoder is null || !(valueRetry || keyRetry))
        {
            return envelope;
        }

        try
        {
            var again = DecodeCore(new RawRecord
            {
                Topic = envelope.Topic,
                Partition = envelope.Partition,
                Offset = envelope.Offset,
                TimestampMs = envelope.TimestampMs,
                TimestampKind = envelope.TimestampKind,
                Key = envelope.KeyBytes,
                Value = envelope.Payload,
                Headers = envelope.Headers,
            });
            var better = (valueRetry && !DecodedViews.IsRetryable(again.Decoding)) || (keyRetry && !DecodedViews.IsRetryable(again.KeyDecoding));
            return better ? again : envelope;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // What was indexed stays readable; the next read tries again.
            return envelope;
        }
    }

    /// <summary>
    /// The record as it came, nothing interpreted (key as hex, payload binary, id from the position): what is indexed
    /// when decoding fails, so the record is still there and nothing is lost.
    /// </summary>
    public static EventEnvelope Undecoded(RawRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var topic = record.Topic ?? string.Empty;
        return new EventEnvelope
        {
            Topic = topic,
            Partition = record.Partition,
            Offset = record.Offset,
            TimestampMs = record.TimestampMs,
            TimestampKind = record.TimestampKind,
            KeyBytes = record.Key,
            Key = record.Key is null ? null : Convert.ToHexStringLower(record.Key),
            KeyFormat = record.Key is null ? KeyFormat.None : KeyFormat.Hex,
            Headers = record.Headers ?? [],
            Payload = record.Value,
            PayloadFormat = record.Value is null ? PayloadFormat.Tombstone : record.Value.Length == 0 ? PayloadFormat.Empty : PayloadFormat.Binary,
            MessageId = EventPosition.Format(topic, record.Partition, record.Offset),
            MessageIdDerived = true,
        };
    }
}
