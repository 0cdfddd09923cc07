using System.Text;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// The compact binary form of consecutive envelopes of one partition (topic and partition are
/// stored once, on the chunk). Headers, key and payload bytes round-trip exactly: null vs empty,
/// duplicates and order are kept.
/// </summary>
/// <remarks>
/// Version 2 adds the decoded view of schema-encoded payloads (bits 5 and 6 of a record's second flag byte, fields at
/// the record's end). A chunk none of whose records has one is still written as version 1, byte for byte the old layout,
/// so a build that reads only version 1 keeps reading everything but the chunks with decoded records (it refuses
/// those by their version byte, never misreads them).
/// </remarks>
internal static class ChunkCodec
{
    private const byte Version1 = 1;
    private const byte Version2 = 2;

    /// <summary>Bits of a record's second flag byte (<c>more</c>): what follows the dead-letter origin.</summary>
    internal const int HasDecoding = 1 << 5;
    internal const int HasKeyDecoding = 1 << 6;

    public static void Encode(IReadOnlyList<EventEnvelope> events, int start, int count, ChunkWriter writer)
    {
        writer.Reset();
        writer.WriteByte(AnyDecoded(events, start, count) ? Version2 : Version1);
        writer.WriteVarint((ulong)count);
        for (var i = start; i < start + count; i++)
        {
            EncodeOne(events[i], writer);
        }
    }

    public static List<EventEnvelope> Decode(ReadOnlySpan<byte> data, string topic, int partition)
    {
        var reader = new ChunkReader(data);
        var count = ReadHeader(ref reader);
        var events = new List<EventEnvelope>(count);
        for (var i = 0; i < count; i++)
        {
            events.Add(DecodeOne(ref reader, topic, partition));
        }

        return events;
    }

    /// <summary>Decodes the one record that starts at <paramref name="position"/> (as found by <see cref="ChunkScanner"/>).</summary>
    public static EventEnvelope DecodeAt(ReadOnlySpan<byte> data, int position, string topic, int partition)
    {
        var reader = new ChunkReader(data) { Position = position };
        return DecodeOne(ref reader, topic, partition);
    }

    /// <summary>Decodes the record at <paramref name="position"/> and moves it to the next record.</summary>
    public static EventEnvelope DecodeNext(ReadOnlySpan<byte> data, ref int position, string topic, int partition)
    {
        var reader = new ChunkReader(data) { Position = position };
        var e = DecodeOne(ref reader, topic, partition);
        position = reader.Position;
        return e;
    }

    /// <summary>Checks the version byte and returns the record count; the reader is then at the first record.</summary>
    public static int ReadHeader(ref ChunkReader reader)
    {
        var version = reader.ReadByte();
        if (version is not (Version1 or Version2))
        {
            throw new InvalidDataException("Unknown index chunk version.");
        }

        return checked((int)reader.ReadVarint());
    }

    // The record layout below is also walked by ChunkScanner: change both together.
    private static void EncodeOne(EventEnvelope e, ChunkWriter w)
    {
        var keyStored = !string.Equals(e.Key, DeriveKey(e.KeyBytes, e.KeyFormat), StringComparison.Ordinal);
        w.WriteVarint((ulong)e.Offset);
        w.WriteSigned(e.TimestampMs);
        w.WriteByte((byte)(((int)e.TimestampKind & 3) | (((int)e.KeyFormat & 3) << 2) | ((e.MessageIdDerived ? 1 : 0) << 4) | (((int)e.Kind & 3) << 5)));
        w.WriteByte((byte)(((int)e.PayloadFormat & 7) | ((e.DeadLetterOf is null ? 0 : 1) << 3) | ((keyStored ? 1 : 0) << 4)
            | (e.Decoding is null ? 0 : HasDecoding) | (e.KeyDecoding is null ? 0 : HasKeyDecoding)));
        w.WriteBytes(e.KeyBytes, e.KeyBytes is null);
        if (keyStored)
        {
            w.WriteString(e.Key);
        }

        w.WriteVarint((ulong)e.Headers.Count);
        foreach (var header in e.Headers)
        {
            w.WriteString(header.Key ?? string.Empty);
            w.WriteBytes(header.Value, header.Value is null);
        }

        w.WriteBytes(e.Payload, e.Payload is null);
        w.WriteString(e.MessageId);
        w.WriteString(e.MessageType);
        w.WriteString(e.CorrelationId);
        w.WriteString(e.CausationId);
        w.WriteString(e.TraceId);
        w.WriteString(e.Source);
        w.WriteString(e.Subject);
        if (e.DeadLetterOf is { } dead)
        {
            w.WriteString(dead.Topic);
            w.WriteByte((byte)((dead.Partition is null ? 0 : 1) | (dead.Offset is null ? 0 : 2)));
            w.WriteSigned(dead.Partition ?? 0);
            w.WriteSigned(dead.Offset ?? 0);
            w.WriteString(dead.Error);
        }

        if (e.Decoding is { } decoding)
        {
            w.WriteBytes(e.DecodedPayload, e.DecodedPayload is null);
            DecodingCodec.Write(decoding, w);
        }

        if (e.KeyDecoding is { } keyDecoding)
        {
            DecodingCodec.Write(keyDecoding, w);
        }
    }

    private static bool AnyDecoded(IReadOnlyList<EventEnvelope> events, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (events[i].Decoding is not null || events[i].KeyDecoding is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static EventEnvelope DecodeOne(ref ChunkReader r, string topic, int partition)
    {
        var offset = (long)r.ReadVarint();
        var timestamp = r.ReadSigned();
        var flags = r.ReadByte();
        var more = r.ReadByte();
        var keyFormat = (KeyFormat)((flags >> 2) & 3);
        var keyBytes = r.ReadBytes();
        var key = (more & 16) != 0 ? r.ReadString() : DeriveKey(keyBytes, keyFormat);
        var headerCount = checked((int)r.ReadVarint());
        var headers = new EnvelopeHeader[headerCount];
        for (var i = 0; i < headerCount; i++)
        {
            headers[i] = new EnvelopeHeader(r.ReadString() ?? string.Empty, r.ReadBytes());
        }

        var payload = r.ReadBytes();
        var messageId = r.ReadString() ?? EventPosition.Format(topic, partition, offset);
        var type = r.ReadString();
        var correlation = r.ReadString();
        var causation = r.ReadString();
        var trace = r.ReadString();
        var source = r.ReadString();
        var subject = r.ReadString();
        DeadLetterOrigin? deadLetter = null;
        if ((more & 8) != 0)
        {
            var deadTopic = r.ReadString() ?? string.Empty;
            var present = r.ReadByte();
            var deadPartition = r.ReadSigned();
            var deadOffset = r.ReadSigned();
            deadLetter = new DeadLetterOrigin(
                deadTopic,
                (present & 1) != 0 ? (int)deadPartition : null,
                (present & 2) != 0 ? deadOffset : null,
                r.ReadString());
        }

        byte[]? decodedPayload = null;
        PayloadDecoding? decoding = null;
        if ((more & HasDecoding) != 0)
        {
            decodedPayload = r.ReadBytes();
            decoding = DecodingCodec.Read(ref r);
        }

        var keyDecoding = (more & HasKeyDecoding) != 0 ? DecodingCodec.Read(ref r) : null;
        return new EventEnvelope
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = timestamp,
            TimestampKind = (TimestampKind)(flags & 3),
            KeyBytes = keyBytes,
            Key = key,
            KeyFormat = keyFormat,
            KeyDecoding = keyDecoding,
            Headers = headers,
            Payload = payload,
            PayloadFormat = (PayloadFormat)(more & 7),
            DecodedPayload = decodedPayload,
            Decoding = decoding,
            MessageId = messageId,
            MessageIdDerived = (flags & 16) != 0,
            MessageType = type,
            Kind = (MessageKind)((flags >> 5) & 3),
            CorrelationId = correlation,
            CausationId = causation,
            TraceId = trace,
            Source = source,
            Subject = subject,
            DeadLetterOf = deadLetter,
        };
    }

    /// <summary>The display key is derived from the bytes, so it is stored only when it differs from this.</summary>
    private static string? DeriveKey(byte[]? bytes, KeyFormat format) => bytes is null
        ? null
        : format switch
        {
            KeyFormat.Text => Encoding.UTF8.GetString(bytes),
            KeyFormat.Hex => Convert.ToHexStringLower(bytes),
            _ => null,
        };
}
