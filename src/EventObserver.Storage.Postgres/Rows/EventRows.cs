using EventObserver.Core.Envelopes;

using Npgsql;

using NpgsqlTypes;

namespace EventObserver.Storage.Postgres.Rows;

/// <summary>
/// An <see cref="EventEnvelope"/> as a row of the <c>events</c> table: written by binary COPY, read back by ordinal.
/// Every field the index keeps round-trips exactly (raw key, value and header bytes; <see cref="EventEnvelope.Masked"/>
/// is not kept, as in the LiteDB index).
/// </summary>
internal static class EventRows
{
    /// <summary>The columns in the order <see cref="Write"/> writes and <see cref="Read"/> reads them.</summary>
    public const string Columns =
        "topic, partition, \"offset\", timestamp_ms, timestamp_kind, key_bytes, key, key_format, key_decoding, headers, "
        + "payload, payload_format, decoded_payload, decoding, message_id, message_id_derived, message_type, kind, "
        + "correlation_id, causation_id, trace_id, source, subject, dead_letter_topic, dead_letter_partition, "
        + "dead_letter_offset, dead_letter_error, exact_strings, payload_text";

    /// <summary>The COPY statement: <see cref="Columns"/> plus the search text.</summary>
    public const string Copy = "COPY events (" + Columns + ", search_text) FROM STDIN (FORMAT BINARY)";

    // Positions of the strings kept in exact_strings (part of the stored format: never renumber).
    private const int KeyField = 0;
    private const int MessageIdField = 1;
    private const int TypeField = 2;
    private const int CorrelationField = 3;
    private const int CausationField = 4;
    private const int TraceField = 5;
    private const int SourceField = 6;
    private const int SubjectField = 7;
    private const int DeadLetterTopicField = 8;
    private const int DeadLetterErrorField = 9;

    public static void Write(NpgsqlBinaryImporter writer, EventEnvelope e)
    {
        writer.StartRow();
        writer.Write(e.Topic, NpgsqlDbType.Text);
        writer.Write(e.Partition, NpgsqlDbType.Integer);
        writer.Write(e.Offset, NpgsqlDbType.Bigint);
        writer.Write(e.TimestampMs, NpgsqlDbType.Bigint);
        writer.Write((short)e.TimestampKind, NpgsqlDbType.Smallint);
        Bytes(writer, e.KeyBytes);
        Text(writer, e.Key);
        writer.Write((short)e.KeyFormat, NpgsqlDbType.Smallint);
        Bytes(writer, DecodingCodec.Encode(e.KeyDecoding));
        Bytes(writer, HeaderCodec.Encode(e.Headers));
        var payloadText = PayloadText.For(e);
        Bytes(writer, payloadText is null ? e.Payload : null);
        writer.Write((short)e.PayloadFormat, NpgsqlDbType.Smallint);
        Bytes(writer, e.DecodedPayload);
        Bytes(writer, DecodingCodec.Encode(e.Decoding));
        writer.Write(ExactStrings.ForColumn(e.MessageId)!, NpgsqlDbType.Text);
        writer.Write(e.MessageIdDerived, NpgsqlDbType.Boolean);
        Text(writer, e.MessageType);
        writer.Write((short)e.Kind, NpgsqlDbType.Smallint);
        Text(writer, e.CorrelationId);
        Text(writer, e.CausationId);
        Text(writer, e.TraceId);
        Text(writer, e.Source);
        Text(writer, e.Subject);
        var dead = e.DeadLetterOf;
        Text(writer, dead?.Topic);
        Number(writer, dead?.Partition, NpgsqlDbType.Integer);
        Number(writer, dead?.Offset, NpgsqlDbType.Bigint);
        Text(writer, dead?.Error);
        Bytes(writer, ExactStrings.Encode(
        [
            e.Key, e.MessageId, e.MessageType, e.CorrelationId, e.CausationId, e.TraceId, e.Source, e.Subject, dead?.Topic, dead?.Error,
        ]));
        Text(writer, payloadText);
        Text(writer, SearchText.For(e, PayloadText.SearchedInPlace(e, payloadText)));
    }

    /// <summary>Reads a row selected with <see cref="Columns"/> (from ordinal <paramref name="at"/> on).</summary>
    public static EventEnvelope Read(NpgsqlDataReader r, int at = 0)
    {
        var exact = ExactStrings.Decode(Bytes(r, at + 27));
        string? S(int ordinal, int field) =>
            exact is not null && exact.TryGetValue(field, out var value) ? value : r.IsDBNull(at + ordinal) ? null : r.GetString(at + ordinal);

        var deadLetterTopic = S(23, DeadLetterTopicField);
        return new EventEnvelope
        {
            Topic = r.GetString(at),
            Partition = r.GetInt32(at + 1),
            Offset = r.GetInt64(at + 2),
            TimestampMs = r.GetInt64(at + 3),
            TimestampKind = (TimestampKind)r.GetInt16(at + 4),
            KeyBytes = Bytes(r, at + 5),
            Key = S(6, KeyField),
            KeyFormat = (KeyFormat)r.GetInt16(at + 7),
            KeyDecoding = DecodingCodec.Decode(Bytes(r, at + 8)),
            Headers = HeaderCodec.Decode(Bytes(r, at + 9)),
            Payload = PayloadText.Bytes(r.IsDBNull(at + 28) ? null : r.GetString(at + 28), Bytes(r, at + 10)),
            PayloadFormat = (PayloadFormat)r.GetInt16(at + 11),
            DecodedPayload = Bytes(r, at + 12),
            Decoding = DecodingCodec.Decode(Bytes(r, at + 13)),
            MessageId = S(14, MessageIdField)!,
            MessageIdDerived = r.GetBoolean(at + 15),
            MessageType = S(16, TypeField),
            Kind = (MessageKind)r.GetInt16(at + 17),
            CorrelationId = S(18, CorrelationField),
            CausationId = S(19, CausationField),
            TraceId = S(20, TraceField),
            Source = S(21, SourceField),
            Subject = S(22, SubjectField),
            DeadLetterOf = deadLetterTopic is null
                ? null
                : new DeadLetterOrigin(
                    deadLetterTopic,
                    r.IsDBNull(at + 24) ? null : r.GetInt32(at + 24),
                    r.IsDBNull(at + 25) ? null : r.GetInt64(at + 25),
                    S(26, DeadLetterErrorField)),
        };
    }

    private static byte[]? Bytes(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetFieldValue<byte[]>(ordinal);

    private static void Bytes(NpgsqlBinaryImporter writer, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Bytea);
        }
    }

    private static void Text(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(ExactStrings.ForColumn(value)!, NpgsqlDbType.Text);
        }
    }

    private static void Number<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
