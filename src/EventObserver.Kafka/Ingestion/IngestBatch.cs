using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Kafka.Ingestion;

/// <summary>What one index transaction writes: decoded events and the retention gaps found just before them.</summary>
internal sealed record IngestBatch(List<EventEnvelope> Events, List<RetentionGap> Gaps);
