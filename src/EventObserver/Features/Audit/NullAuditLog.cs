using EventObserver.Access;

namespace EventObserver.Features.Audit;

/// <summary>Records nothing: for tools and tests that exercise a feature without an audit store.</summary>
public sealed class NullAuditLog : IAuditLog
{
    public static NullAuditLog Instance { get; } = new();

    public void Record(AuditEntry entry)
    {
    }
}
