using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// One value to look up: its bloom hash and the exact test on a record, done on UTF-8 bytes so a
/// non-matching record costs no string.
/// </summary>
internal sealed class LookupTarget
{
    private readonly byte[] _utf8;
    private readonly int _partition;
    private readonly long _offset;

    private LookupTarget(LookupField field, string value, ulong hash, int partition = 0, long offset = 0)
    {
        Field = field;
        Value = value;
        Hash = hash;
        _utf8 = Encoding.UTF8.GetBytes(value);
        _partition = partition;
        _offset = offset;
    }

    public LookupField Field { get; }

    /// <summary>The id looked up, or the original's topic for a dead-letter lookup.</summary>
    public string Value { get; }

    public ulong Hash { get; }

    public static LookupTarget ForId(LookupField field, string id) => field switch
    {
        LookupField.MessageId => new(field, id, LookupHash.Of(LookupHash.MessageId, id)),
        LookupField.CorrelationId => new(field, id, LookupHash.Of(LookupHash.CorrelationId, id)),
        LookupField.CausationId => new(field, id, LookupHash.Of(LookupHash.CausationId, id)),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not an id field."),
    };

    public static LookupTarget ForDeadLettersOf(EventPosition original) => new(
        LookupField.DeadLetterOf,
        original.Topic,
        LookupHash.OfDeadLetter(original.Topic, original.Partition, original.Offset),
        original.Partition,
        original.Offset);

    public bool Matches(in ChunkRecord record, TopicPartitionKey chunkKey) => Field switch
    {
        LookupField.MessageId => record.HasMessageId
            ? record.MessageId.SequenceEqual(_utf8)
            : Value == EventPosition.Format(chunkKey.Topic, chunkKey.Partition, record.Offset),
        LookupField.CorrelationId => record.HasCorrelationId && record.CorrelationId.SequenceEqual(_utf8),
        LookupField.CausationId => record.HasCausationId && record.CausationId.SequenceEqual(_utf8),
        _ => record.IsDeadLetter
            && record.DeadLetterPartition == _partition
            && record.DeadLetterOffset == _offset
            && record.DeadLetterTopic.SequenceEqual(_utf8),
    };
}
