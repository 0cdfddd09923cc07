using System.Globalization;

using EventObserver.Kafka.Ingestion;

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EventObserver.Health;

/// <summary>
/// Readiness of the broker, from what ingestion already knows (its consumer's errors, fetches and metadata probes), so a
/// probe opens no connection of its own: Healthy while connected, Degraded while it has been unreachable (or not yet
/// reached) for less than <see cref="HealthProbeOptions.BrokerTimeout"/>, Unhealthy after.
/// </summary>
public sealed class BrokerHealthCheck(IngestionStatus ingestion, IOptions<HealthProbeOptions> options, TimeProvider time) : IHealthCheck
{
    public const string Name = "broker";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = ingestion.BrokerState;
        if (state == BrokerState.Connected)
        {
            return Task.FromResult(HealthCheckResult.Healthy("broker reachable"));
        }

        var timeout = options.Value.BrokerTimeout;
        var seconds = Math.Max(0, (long)(time.GetUtcNow() - ingestion.BrokerStateSince).TotalSeconds);
        var what = state == BrokerState.Unreachable ? "broker unreachable" : "broker not reached yet since start";
        var description = string.Create(CultureInfo.InvariantCulture, $"{what} for {seconds} s (timeout {(long)timeout.TotalSeconds} s)");
        return Task.FromResult(time.GetUtcNow() - ingestion.BrokerStateSince >= timeout
            ? HealthCheckResult.Unhealthy(description)
            : HealthCheckResult.Degraded(description));
    }
}
