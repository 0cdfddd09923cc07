namespace EventObserver.Features.Topics;

/// <summary>
/// The producers (by <c>source</c>) seen over a sample of the topic's recent events: at most the newest
/// <see cref="TopicDetailQueries.ProducerSampleLimit"/> of the hour before its last event.
/// </summary>
/// <param name="EventsRead">How many events the sample holds.</param>
/// <param name="Capped">True when the hour held more events than the sample: older ones were not read.</param>
public sealed record TopicProducersDto(IReadOnlyList<TopicProducerDto> Sources, long EventsRead, DateTimeOffset? From, DateTimeOffset? To, bool Capped)
{
    public static TopicProducersDto None { get; } = new([], 0, null, null, false);
}
