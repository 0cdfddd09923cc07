using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;
using EventObserver.Shared;

namespace EventObserver.Features.Events;

/// <summary>
/// The Events feature's reads, for the event detail page and <c>/api/events</c>. Both read the index's files (chunks),
/// so they run off the circuit or request thread through <see cref="IndexReads"/>, which also answers "no index yet".
/// </summary>
public sealed class EventQueries(IndexReads reads)
{
    /// <summary>The event at that position; a null value when the index holds none there.</summary>
    public Task<IndexRead<EventEnvelope?>> GetAsync(string topic, int partition, long offset, CancellationToken cancellationToken) =>
        reads.RunAsync(index => index.Get(topic, partition, offset), cancellationToken);

    /// <summary>The events of <paramref name="selection"/>, newest first, at most its limit.</summary>
    public Task<IndexRead<IReadOnlyList<EventEnvelope>>> QueryAsync(EventSelection selection, CancellationToken cancellationToken) =>
        reads.RunAsync(index => index.Query(selection), cancellationToken);
}
