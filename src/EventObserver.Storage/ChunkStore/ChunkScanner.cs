namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// Walks the records of an encoded chunk without allocating: payloads, keys and headers are
/// stepped over, ids are exposed as UTF-8 spans. Mirrors the record layout of <see cref="ChunkCodec"/>.
/// </summary>
internal ref struct ChunkScanner
{
    private ChunkReader _reader;
    private int _remaining;

    public ChunkScanner(ReadOnlySpan<byte> data)
    {
        _reader = new ChunkReader(data);
        _remaining = ChunkCodec.ReadHeader(ref _reader);
    }

    /// <summary>True once every byte was read: a whole chunk ends exactly after its last record.</summary>
    public readonly bool AtEnd => _reader.End;

    public bool MoveNext(out ChunkRecord record)
    {
        record = default;
        if (_remaining == 0)
        {
            return false;
        }

        _remaining--;
        ref var r = ref _reader;
        record.Start = r.Position;
        record.Offset = (long)r.ReadVarint();
        record.TimestampMs = r.ReadSigned();
        r.ReadByte();
        var more = r.ReadByte();
        r.Skip(); // key bytes
        if ((more & 16) != 0)
        {
            r.Skip(); // display key
        }

        var headerCount = r.ReadVarint();
        for (ulong i = 0; i < headerCount; i++)
        {
            r.Skip();
            r.Skip();
        }

        r.Skip(); // payload
        record.HasMessageId = r.ReadUtf8(out record.MessageId);
        r.Skip(); // type
        record.HasCorrelationId = r.ReadUtf8(out record.CorrelationId);
        record.HasCausationId = r.ReadUtf8(out record.CausationId);
        r.Skip(); // trace id
        r.Skip(); // source
        r.Skip(); // subject
        if ((more & 8) != 0)
        {
            record.IsDeadLetter = true;
            r.ReadUtf8(out record.DeadLetterTopic);
            var present = r.ReadByte();
            var partition = r.ReadSigned();
            var offset = r.ReadSigned();
            record.DeadLetterPartition = (present & 1) != 0 ? (int)partition : null;
            record.DeadLetterOffset = (present & 2) != 0 ? offset : null;
            r.Skip(); // error
        }

        if ((more & ChunkCodec.HasDecoding) != 0)
        {
            r.Skip(); // decoded payload
            DecodingCodec.Skip(ref r);
        }

        if ((more & ChunkCodec.HasKeyDecoding) != 0)
        {
            DecodingCodec.Skip(ref r);
        }

        return true;
    }
}
