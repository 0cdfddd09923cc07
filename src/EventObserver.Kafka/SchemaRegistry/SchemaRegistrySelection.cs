using EventObserver.Core.Decoding.Schemas;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Embedded;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.SchemaRegistry;

/// <summary>Which registry resolves schema ids: the configured one, else the embedded demo's, else none.</summary>
public static class SchemaRegistrySelection
{
    public static ISchemaRegistry Create(KafkaOptions kafka, EmbeddedSchemaRegistryHost embedded, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(embedded);
        ArgumentNullException.ThrowIfNull(loggers);
        var options = kafka.SchemaRegistry ?? new SchemaRegistryOptions();
        if (!options.IsConfigured && embedded.Url is { } url)
        {
            options = new SchemaRegistryOptions
            {
                Url = url,
                TimeoutMs = options.TimeoutMs,
                RetryAfterSeconds = options.RetryAfterSeconds,
                MaxCachedSchemas = options.MaxCachedSchemas,
            };
        }

        return options.IsConfigured
            ? new ConfluentSchemaRegistry(options, time, loggers.CreateLogger<ConfluentSchemaRegistry>())
            : NoSchemaRegistry.Instance;
    }
}
