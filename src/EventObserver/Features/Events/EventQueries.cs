using EventObserver.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using EventObserver.Core.Selection;
using EventObserver.Shared;

namespace EventObserver.Features.Events;

/// <summary>
/// The Events feature's reads, for the event detail page and <c>/api/events</c>. Both read the index's files (chunks),
/// so they run off the circuit or request thread through <see cref="IndexReads"/>, which also answers "no index yet"
/// and gives each user only what they may see (an event of a denied topic reads as absent; values masked).
/// </summary>
public sealed class EventQueries(IndexReads reads, IEventMasker masker, IAuditLog audit)
{
    /// <summary>
    /// The event at that position as <paramref name="access"/> may see it; a null value when the index holds none there
    /// or the user may not read its topic (the two are not told apart). Opening an event whose topic has masking rules
    /// while seeing raw values is recorded in the audit log (<see cref="AuditAction.UnmaskedView"/>).
    /// </summary>
    public async Task<IndexRead<EventEnvelope?>> GetAsync(string topic, int partition, long offset, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var read = await reads.RunAsync(access, index => index.Get(topic, partition, offset), cancellationToken).ConfigureAwait(false);
        if (read.Value is { } envelope && access.SeesRawValues && masker.AppliesTo(envelope.Topic))
        {
            audit.Record(new AuditEntry
            {
                Action = AuditAction.UnmaskedView,
                Actor = access.Name,
                Target = envelope.Id,
                Detail = "event detail with raw values",
            });
        }

        return read;
    }

    /// <summary>The events of <paramref name="selection"/> that <paramref name="access"/> may see, newest first, at most its limit.</summary>
    public Task<IndexRead<IReadOnlyList<EventEnvelope>>> QueryAsync(EventSelection selection, UserAccess access, CancellationToken cancellationToken) =>
        reads.RunAsync(access, index => index.Query(selection), cancellationToken);
}
