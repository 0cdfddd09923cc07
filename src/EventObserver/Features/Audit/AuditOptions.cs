using EventObserver.Configuration;
using EventObserver.Storage.Audit;

namespace EventObserver.Features.Audit;

/// <summary>Bound from <c>EventObserver:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = ConfigurationSections.Root + ":Audit";

    /// <summary>
    /// The audit log's LiteDB file. Empty: <c>audit.db</c> next to the index file (<c>Storage:Path</c>), which a cluster
    /// switch does not archive. Relative paths are resolved against the working directory.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Records older than this many days are deleted (checked every hour).</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>A Kafka topic that gets a JSON copy of every record; empty: no copy.</summary>
    public string? Topic { get; set; }

    /// <summary>The file to open: <see cref="Path"/>, or <c>audit.db</c> next to <paramref name="indexPath"/>.</summary>
    public string ResolvePath(string indexPath) =>
        string.IsNullOrWhiteSpace(Path) ? AuditStore.PathNextTo(indexPath) : Path;
}
