using Microsoft.Extensions.Options;

namespace EventObserver.Lifecycle;

public static class ShutdownServiceCollectionExtensions
{
    /// <summary>
    /// A bounded, graceful shutdown: the host's shutdown timeout from <see cref="ShutdownOptions"/> (ingestion takes half
    /// of it to commit what is queued), and replay runs stopped and marked so when the app stops.
    /// </summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(5),
                $"{ShutdownOptions.Section}:Timeout must be more than 0 and at most 00:05:00")
            .ValidateOnStart();
        services.AddSingleton<IConfigureOptions<HostOptions>, ShutdownTimeoutSetup>();
        services.AddHostedService<ReplayShutdownService>();
        return services;
    }
}
