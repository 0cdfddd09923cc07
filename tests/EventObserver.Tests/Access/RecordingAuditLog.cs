using System.Collections.Concurrent;

using EventObserver.Access;

namespace EventObserver.Tests.Access;

public sealed class RecordingAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public IReadOnlyList<AuditEntry> Entries => [.. _entries];

    public void Record(AuditEntry entry) => _entries.Enqueue(entry);
}
