namespace EventObserver.Features.Audit;

/// <summary>A page of the audit log.</summary>
/// <param name="Total">How many records match the filters in all.</param>
/// <param name="Offset">How many of the newest matches were skipped.</param>
/// <param name="Entries">The matching records, newest first, at most the limit asked for.</param>
public sealed record AuditListDto(int Total, int Offset, AuditEntryDto[] Entries);
