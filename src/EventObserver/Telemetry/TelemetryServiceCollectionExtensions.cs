using System.Diagnostics.Metrics;

using EventObserver.Core.Conversations;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Core.Metrics;

using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EventObserver.Telemetry;

/// <summary>
/// OpenTelemetry for the app: metrics (the app's meters, ASP.NET Core, the runtime) for the Prometheus scrape at
/// <c>/metrics</c>, and, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, OTLP export of those metrics and of traces
/// (ingest batches, replay runs, ASP.NET Core requests). See docs/metrics.md.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard variable: its presence turns on OTLP export (the exporter reads it, and the OTEL_* rest).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        var metrics = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

        if (!metrics.Enabled && !otlp)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
        {
            telemetry.ConfigureResource(r => r.AddService("EventObserver"));
        }

        if (metrics.Enabled)
        {
            // Told by the index writer about each committed batch, after the observers registered before it.
            services.AddSingleton<ICommittedBatchObserver, CommittedBatchMetrics>();
            services.AddSingleton<StateGauges>();
            services.AddSingleton(sp => new GroupGauges(sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<IConsumerGroupView>));
            services.AddSingleton(sp => new ConversationGauges(
                sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<IConversationView>, sp.GetRequiredService<TimeProvider>()));
            services.AddHostedService<CounterBaseline>();
            telemetry.WithMetrics(builder =>
            {
                // A meter from another host's IMeterFactory in the same process (test hosts) has the same names: keep
                // only this host's, or the first host's gauges would shadow every later one's.
                ((IDeferredMeterProviderBuilder)builder).Configure((sp, b) =>
                {
                    var own = sp.GetRequiredService<IMeterFactory>();
                    b.AddView(i => i.Meter.Scope is IMeterFactory other && !ReferenceEquals(other, own) ? MetricStreamConfiguration.Drop : null);
                });
                builder.AddMeter([.. TelemetryNames.Meters, ConversationGauges.MeterName])
                    .AddInstrumentation(sp => sp.GetRequiredService<StateGauges>())
                    .AddInstrumentation(sp => sp.GetRequiredService<GroupGauges>())
                    .AddInstrumentation(sp => sp.GetRequiredService<ConversationGauges>())
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp)
                {
                    builder.AddOtlpExporter();
                }
            });
        }

        // Traces only go somewhere over OTLP: without it, no tracer provider, so requests create no activities.
        if (otlp)
        {
            telemetry.WithTracing(builder => builder
                .AddSource([.. TelemetryNames.ActivitySources])
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }
}
