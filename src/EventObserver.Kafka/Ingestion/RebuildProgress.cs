namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// How far a rebuild of the index from Kafka is. Its target is fixed when it starts: per partition, the offsets from
/// the log start to the log end the broker reported then ([low, high) watermark); <see cref="Percent"/> is what the
/// index holds of those ranges. Messages produced after the start are ingested as usual but are not part of it.
/// </summary>
/// <param name="Percent">0–100, never going down; 100 once <see cref="Finished"/>.</param>
/// <param name="Topics">Topics in the target; 0 until the broker reported the watermarks.</param>
/// <param name="Partitions">Partitions in the target.</param>
/// <param name="Target">Offsets to catch up, over all partitions.</param>
/// <param name="Indexed">Of those, the offsets the index has reached.</param>
/// <param name="Finished">Every partition reached its target.</param>
/// <param name="StartedAt">When ingestion started the rebuild.</param>
/// <param name="FinishedAt">When it finished.</param>
public sealed record RebuildProgress(
    int Percent,
    int Topics,
    int Partitions,
    long Target,
    long Indexed,
    bool Finished,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);
