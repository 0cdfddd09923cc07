using EventObserver.Access;
using EventObserver.Storage.Audit;

namespace EventObserver.Features.Audit;

/// <summary>
/// Reads the audit log for the <c>/audit</c> page and <c>GET /api/audit</c> alike: filters, newest first, one page at a
/// time. Only an Admin reads it; the page and the endpoint are behind the Admin policy, this checks again.
/// </summary>
public sealed class AuditQueries(AuditStore store)
{
    /// <summary>One page of the records matching <paramref name="search"/>, newest first, and how many match in all.</summary>
    public Task<AuditListDto> FindAsync(AuditSearch search, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(access);
        if (!access.IsInRole(AccessRoles.Admin))
        {
            throw new UnauthorizedAccessException($"'{access.Name}' may not read the audit log: it needs the {AccessRoles.Admin} role.");
        }

        var filter = new AuditFilter
        {
            From = search.From,
            To = search.To,
            Actor = search.Actor,
            Action = search.Action?.ToString(),
            Text = search.Text,
        };
        var limit = Math.Clamp(search.Limit, 1, AuditSearch.MaxLimit);
        var offset = Math.Max(0, search.Offset);

        // A filtered read checks every record of the time range: off the caller's (circuit or request) thread.
        return Task.Run(() =>
        {
            var page = store.Find(filter, offset, limit);
            return new AuditListDto(page.Total, offset, [.. page.Records.Select(ToDto)]);
        }, cancellationToken);
    }

    private static AuditEntryDto ToDto(AuditRecord r) =>
        new(r.Id, r.At, r.Action, r.Actor, r.Target, r.Detail, r.Succeeded, r.RemoteAddress);
}
