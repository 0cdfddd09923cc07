using EventObserver.Kafka.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Embedded;

/// <summary>
/// Owns the demo's embedded schema registry: started beside the embedded broker (no bootstrap servers) when no registry
/// URL is configured, so the demo's Avro and Protobuf events decode with no setup. Does nothing with a real cluster.
/// </summary>
public sealed partial class EmbeddedSchemaRegistryHost : IDisposable, IAsyncDisposable
{
    private readonly EmbeddedSchemaRegistry? _registry;

    public EmbeddedSchemaRegistryHost(IOptions<KafkaOptions> options, ILogger<EmbeddedSchemaRegistryHost> logger)
    {
        var kafka = options.Value;
        if (!kafka.IsEmbedded || kafka.SchemaRegistry.IsConfigured)
        {
            return;
        }

        // Kestrel on loopback starts in milliseconds; the container builds singletons synchronously.
        _registry = EmbeddedSchemaRegistry.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        LogStarted(logger, _registry.Url);
    }

    /// <summary>The embedded registry's URL, or null when none runs.</summary>
    public string? Url => _registry?.Url;

    /// <summary>The running registry, for tests that inject faults; null when none runs.</summary>
    public EmbeddedSchemaRegistry? Registry => _registry;

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public ValueTask DisposeAsync() => _registry?.DisposeAsync() ?? ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Embedded schema registry (for the demo's Avro and Protobuf events) listening on {Url}. Set EventObserver:Kafka:SchemaRegistry:Url to use a real one")]
    private static partial void LogStarted(ILogger logger, string url);
}
