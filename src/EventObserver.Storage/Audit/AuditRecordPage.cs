namespace EventObserver.Storage.Audit;

/// <summary>One page of matching records, newest first, and how many match in all.</summary>
public sealed record AuditRecordPage(IReadOnlyList<AuditRecord> Records, int Total);
