using Microsoft.Extensions.Options;

namespace EventObserver.Lifecycle;

/// <summary>Gives the host the configured shutdown timeout (its default is 30 s: far beyond what an orchestrator waits).</summary>
internal sealed class ShutdownTimeoutSetup(IOptions<ShutdownOptions> shutdown) : IConfigureOptions<HostOptions>
{
    public void Configure(HostOptions options) => options.ShutdownTimeout = shutdown.Value.Timeout;
}
