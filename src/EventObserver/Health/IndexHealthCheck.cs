using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;
using EventObserver.Storage.Configuration;

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EventObserver.Health;

/// <summary>
/// Readiness of the index: open, its writes not paused by a full disk, and its directory writable. From in-memory state
/// and a cached directory probe: a probe never waits on the index file.
/// </summary>
public sealed class IndexHealthCheck(
    ICurrentIndex indexes,
    IngestionStatus ingestion,
    IndexDirectoryProbe directoryProbe,
    IOptions<StorageOptions> storage) : IHealthCheck
{
    public const string Name = "index";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (ingestion.WritePause is { } pause)
        {
            return Result(HealthCheckResult.Unhealthy(
                $"index writes paused since {pause.Since:u}, {pause.Reason}; reads go on, ingestion resumes from the checkpoint when space returns"));
        }

        if (!indexes.TryGet(out var index))
        {
            return Result(HealthCheckResult.Unhealthy("no index open yet: it opens once the broker tells its cluster id"));
        }

        // On PostgreSQL the index is the server's; the files beside Storage:Path (audit, projections) are still ours.
        var file = storage.Value.Provider == StorageProvider.LiteDb && index.FilePath.Length > 0 ? index.FilePath : storage.Value.Path;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        if (directoryProbe.Check(directory) is { } error)
        {
            return Result(HealthCheckResult.Unhealthy($"the index directory is not writable: {error}"));
        }

        return Result(HealthCheckResult.Healthy("index open and writable"));
    }

    private static Task<HealthCheckResult> Result(HealthCheckResult result) => Task.FromResult(result);
}
