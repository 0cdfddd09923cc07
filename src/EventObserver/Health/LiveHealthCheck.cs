using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventObserver.Health;

/// <summary>
/// Liveness: the process answers requests. It checks no dependency on purpose: a broker outage or a full disk must not
/// make an orchestrator restart a dashboard that still serves its index.
/// </summary>
public sealed class LiveHealthCheck : IHealthCheck
{
    public const string Name = "process";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy("the process answers"));
}
