using EventObserver.Core.Indexing;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Postgres.Hosting;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

public static class EventIndexServiceCollectionExtensions
{
    /// <summary>
    /// The event index on the configured engine (<c>EventObserver:Storage:Provider</c>): the LiteDB file by default, or a
    /// PostgreSQL schema that several observers can share (then the live feed also follows the others' commits). Only
    /// the chosen provider is ever created.
    /// </summary>
    public static IServiceCollection AddEventIndex(this IServiceCollection services)
    {
        services.AddSingleton<EventIndexProvider>();
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new PostgresIndexProvider(
                storage.ConnectionString ?? string.Empty,
                storage.Schema,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PostgresIndexProvider>>());
        });
        services.AddSingleton<ICurrentIndex>(sp => IsPostgres(sp) ? sp.GetRequiredService<PostgresIndexProvider>() : sp.GetRequiredService<EventIndexProvider>());
        services.AddSingleton<IIndexRebuilds>(sp => IsPostgres(sp) ? sp.GetRequiredService<PostgresIndexProvider>() : sp.GetRequiredService<EventIndexProvider>());
        services.AddHostedService<SharedIndexFeed>();
        return services;
    }

    private static bool IsPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres;
}
