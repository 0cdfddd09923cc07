namespace EventObserver.Access;

/// <summary>
/// The append-only audit log. <see cref="Record"/> never blocks on I/O and never throws into the caller: a failing
/// store is logged, the action it records still happens.
/// </summary>
public interface IAuditLog
{
    void Record(AuditEntry entry);
}
