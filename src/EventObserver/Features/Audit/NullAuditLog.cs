using EventObserver.Access;

namespace EventObserver.Features.Audit;

/// <summary>Placeholder until the audit store exists: records nothing.</summary>
public sealed class NullAuditLog : IAuditLog
{
    public void Record(AuditEntry entry)
    {
    }
}
