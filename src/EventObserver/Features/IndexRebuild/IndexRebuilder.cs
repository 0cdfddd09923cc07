using EventObserver.Access;
using EventObserver.Core.Indexing;
using EventObserver.Features.Audit;

namespace EventObserver.Features.IndexRebuild;

/// <summary>
/// The manual "rebuild index" (for Admins, after changing decoders or lineage mappings): archives the current index,
/// starts an empty one that ingestion fills from the earliest offsets, and records who asked in the audit log. The API
/// and the Topics page both come here.
/// </summary>
public sealed class IndexRebuilder(IIndexRebuilds rebuilds, IAuditLog audit)
{
    public IndexRebuildDto Start(AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var notice = rebuilds.Rebuild(actor.Name);
        var archivedTo = notice.ArchivedTo.Length == 0 ? null : Path.GetFileName(notice.ArchivedTo);
        audit.Record(actor.Entry(AuditAction.IndexRebuild, archivedTo, notice.Reason));
        return new IndexRebuildDto(archivedTo, notice.At, notice.Reason ?? string.Empty);
    }
}
