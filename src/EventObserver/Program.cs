using System.Text.Json.Serialization;

using EventObserver.Access;
using EventObserver.Access.Authentication;
using EventObserver.Access.Masking;
using EventObserver.Access.Topics;
using EventObserver.ApiDocs;
using EventObserver.Components;
using EventObserver.Configuration;
using EventObserver.Core.Decoding;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Feed;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Core.Lineage;
using EventObserver.Core.Metrics;
using EventObserver.Features.Account;
using EventObserver.Features.Audit;
using EventObserver.Features.Conventions;
using EventObserver.Features.Conversations;
using EventObserver.Features.Events;
using EventObserver.Features.Feed;
using EventObserver.Features.Flows;
using EventObserver.Features.Groups;
using EventObserver.Health;
using EventObserver.Features.IndexRebuild;
using EventObserver.Features.Lineage;
using EventObserver.Features.Replay;
using EventObserver.Features.Replay.Endpoints;
using EventObserver.Features.Schemas;
using EventObserver.Features.Status;
using EventObserver.Features.Topics;
using EventObserver.Features.Topology;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Demo;
using EventObserver.Kafka.Embedded;
using EventObserver.Kafka.Groups;
using EventObserver.Kafka.Ingestion;
using EventObserver.Kafka.SchemaRegistry;
using EventObserver.Lifecycle;
using EventObserver.Monitoring;
using EventObserver.Monitoring.Webhooks;

using EventObserver.Security;
using EventObserver.Shared;
using EventObserver.Telemetry;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Retention;

using Microsoft.Extensions.Options;

using MudBlazor.Services;

// A command instead of the server: prints a password hash for Auth:Mode=Local and exits.
if (HashPasswordCommand.Matches(args))
{
    return HashPasswordCommand.Run();
}

// The one composition root. Everything the app runs is registered here.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = WebRootLocator.Locate([Directory.GetCurrentDirectory(), AppContext.BaseDirectory], AppContext.BaseDirectory),
});

// A command instead of the server: archives the index so the next start rebuilds it from Kafka, and exits.
if (RebuildIndexCommand.Matches(args))
{
    return RebuildIndexCommand.Run(builder.Configuration);
}

// MudBlazor's and the framework's files come from static web assets; outside Development they are
// only found in the build output when this is called (the publish output carries them anyway).
builder.WebHost.UseStaticWebAssets();

// The top-level wwwroot is served by UseStaticFiles, not from the build manifest; the development-time
// asset handler would otherwise warn about each of its files on every start.
builder.Logging.AddFilter("Microsoft.AspNetCore.Builder.StaticAssetDevelopmentRuntimeHandler", LogLevel.Error);

// "Request starting …" lines carry the whole URL, and a browser's hub connection carries its API key as ?access_token=:
// request logging would write keys into the log. Warnings and errors from the host still come through.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

var services = builder.Services;
services.AddSingleton(TimeProvider.System);

// Shutdown within EventObserver:Shutdown:Timeout (4 s): registered first so it stops last, after ingestion has committed.
services.AddGracefulShutdown();

// Options: bound from EventObserver:*, validated at start-up with messages that name the setting.
services.AddOptions<StorageOptions>().BindConfiguration(ConfigurationSections.Storage).ValidateOnStart();
services.AddOptions<KafkaOptions>().BindConfiguration(ConfigurationSections.Kafka).ValidateOnStart();
services.AddOptions<DemoOptions>().BindConfiguration(ConfigurationSections.Demo).ValidateOnStart();
services.AddOptions<LineageOptions>().BindConfiguration(ConfigurationSections.Lineage).ValidateOnStart();
services.AddOptions<DecodingOptions>().BindConfiguration(ConfigurationSections.Decoding).ValidateOnStart();
services.AddOptions<GroupsOptions>().BindConfiguration(ConfigurationSections.Groups).ValidateOnStart();
services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
services.AddSingleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>();
services.AddSingleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>();
services.AddSingleton<IValidateOptions<LineageOptions>, LineageOptionsValidator>();
services.AddSingleton<IValidateOptions<DecodingOptions>, DecodingOptionsValidator>();

// Storage: the one open index per process (the ports of Core.Indexing, on LiteDB or PostgreSQL), and retention over it.
services.AddEventIndex();
services.AddSingleton<IndexReads>();
services.AddHostedService<RetentionService>();
services.AddIndexRebuild();

// Core: decoding with the user's lineage mappings, and schema-aware decoding of keys and values (Confluent framing
// through the schema registry when one is registered, local schema files, MessagePack).
services.AddSingleton(sp => sp.GetRequiredService<IOptions<LineageOptions>>().Value);
services.AddSingleton<IPayloadDecoder>(sp => new PayloadDecoder(
    sp.GetRequiredService<IOptions<DecodingOptions>>().Value,
    sp.GetService<ISchemaRegistry>() ?? NoSchemaRegistry.Instance));
services.AddSingleton(sp => new EnvelopeDecoder(sp.GetRequiredService<LineageOptions>(), sp.GetRequiredService<IPayloadDecoder>()));

// Kafka: the embedded demo broker (only started when no bootstrap servers are set), the connection to
// whichever cluster is used, its metadata, ingestion into the index and the demo traffic.
services.AddSingleton<IngestionStatus>();
services.AddSingleton<EmbeddedBroker>();
services.AddSingleton<KafkaConnection>();

// Schema Registry: the configured one (EventObserver:Kafka:SchemaRegistry:Url); on the embedded demo, an embedded
// registry-protocol server beside the embedded broker (the demo's Avro and Protobuf events register there); else none.
services.AddSingleton<EmbeddedSchemaRegistryHost>();
services.AddSingleton<ISchemaRegistry>(sp => SchemaRegistrySelection.Create(
    sp.GetRequiredService<IOptions<KafkaOptions>>().Value,
    sp.GetRequiredService<EmbeddedSchemaRegistryHost>(),
    sp.GetRequiredService<TimeProvider>(),
    sp.GetRequiredService<ILoggerFactory>()));
services.AddSingleton<IClusterInspector, ClusterInspector>();
services.AddHostedService<IngestionService>();
services.AddSingleton<DemoTrafficGenerator>();
services.AddHostedService(sp => sp.GetRequiredService<DemoTrafficGenerator>());
services.AddDemoConsumerGroups();

// Consumer groups: lag in messages and time, offset resets, the topology (Features/Groups, Features/Topology).
services.AddSingleton<LocalGroupMembers>();
services.AddConsumerGroupAdmin(builder.Configuration);
services.AddConsumerGroupMonitor();
services.AddGroupQueries();
services.AddTopology();

// The live feed: ingestion publishes each committed batch; the Live feed page and the /hubs/events hub subscribe.
services.AddOptions<LiveFeedOptions>().BindConfiguration("EventObserver:Feed")
    .Validate(o => o.Capacity >= 1, "EventObserver:Feed:Capacity must be at least 1")
    .Validate(o => o.MaxBytes >= 1, "EventObserver:Feed:MaxBytes must be at least 1")
    .Validate(o => o.FilterCoreShare > 0, "EventObserver:Feed:FilterCoreShare must be greater than 0")
    .ValidateOnStart();
services.AddOptions<FeedHubOptions>().BindConfiguration("EventObserver:Feed:Hub")
    .Validate(o => o.BatchSize >= 1, "EventObserver:Feed:Hub:BatchSize must be at least 1")
    .Validate(o => o.SubscriptionCapacity >= 1, "EventObserver:Feed:Hub:SubscriptionCapacity must be at least 1")
    .Validate(o => o.BatchInterval > TimeSpan.Zero, "EventObserver:Feed:Hub:BatchInterval must be positive")
    .Validate(o => o.BatchLinger > TimeSpan.Zero, "EventObserver:Feed:Hub:BatchLinger must be positive")
    .Validate(o => o.SendTimeout > TimeSpan.Zero, "EventObserver:Feed:Hub:SendTimeout must be positive")
    .ValidateOnStart();
services.AddSingleton<ILiveFeed>(sp => new EventObserver.Core.Feed.LiveFeed(sp.GetRequiredService<IOptions<LiveFeedOptions>>().Value));
services.AddSingleton<FeedHubConnections>();
services.AddSignalR();

// What ingestion tells after each commit, in this order: the ingestion rates, then the live feed.
services.AddSingleton<ICommittedBatchObserver>(sp => new TopicRateObserver(sp.GetRequiredService<IngestionStatus>().Rates));
services.AddSingleton<ICommittedBatchObserver>(sp => new LiveFeedObserver(sp.GetRequiredService<ILiveFeed>()));
// Metrics (/metrics, EventObserver:Metrics) and traces (OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set): see docs/metrics.md.
services.AddTelemetry(builder.Configuration);

// Feature query services (pages and endpoints both call them) and the status bar's one broadcaster.
services.AddSingleton<FeedQueries>();
services.AddSingleton<EventQueries>();
services.AddSingleton<TopicQueries>();
services.AddTopicDetail();
services.AddSingleton<StatusQueries>();
services.AddSingleton<SystemStatusBroadcaster>();
services.AddHealthProbes();

// Lineage: graphs over the index for the API and the graph page.
services.AddSingleton<LineageQueries>();

// Flow map: the observed process over a time window, for the API and the /flows page.
services.AddSingleton<SavedProjectionTypes>();
services.AddSingleton<FlowQueries>();

// Conventions: naming and id checks over the newest messages of a window, for the API and the panel.
services.AddSingleton<ConventionQueries>();
services.AddSingleton<SchemaQueries>();

// Conversation monitoring: processes that started and never finished (EventObserver:Monitoring), alerts, the page.
services.AddConversationMonitoring(builder.Configuration);
services.AddConversationWebhooks();
services.AddConversationQueries();

// Replay: options, saved projections + publish log (projections.db), the guarded publisher, the run manager.
services.AddReplay();

// Access control: sign-in and roles (Auth), each user's topic permissions, masking, the audit log (see README "Access control").
services.AddAccessControl(builder.Configuration);
services.AddTopicAccess();
services.AddMasking();
services.AddAudit();

// Web: cross-site refusals, request limits, security headers (see README "Security").
services.AddRequestSecurity();
services.AddProblemDetails();
services.AddApiDocs();
services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
services.AddMudServices();
services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

// Errors: RFC 7807 problem details for the API, the "not found" page for the browser.
app.UseExceptionHandler();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
// Inner, so it answers first: an API response gets a problem body and the re-execute above then leaves it alone.
app.UseWhen(IsApiRequest, api => api.UseStatusCodePages());
app.UseMiddleware<SecurityHeadersMiddleware>();
// Before static files and routing, so no endpoint (present or future) is reached by a refused request.
app.UseMiddleware<RequestGuardMiddleware>();
app.UseStaticFiles();
app.UseAccessControl();
app.UseAntiforgery();

// Files (framework scripts, MudBlazor) are public: the sign-in page needs them, and they hold no data.
app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapEventEndpoints();
app.MapTopicEndpoints();
app.MapGroupEndpoints();
app.MapTopicDetailEndpoints();
app.MapStatusEndpoints();
app.MapHealthProbes();
app.MapLineageEndpoints();
app.MapFlowEndpoints();
app.MapTopologyEndpoints();
app.MapConventionsEndpoints();
app.MapConversationEndpoints();
app.MapReplayEndpoints();
app.MapAuditEndpoints();
app.MapSchemaEndpoints();
app.MapIndexRebuildEndpoints();
app.MapApiDocs();
app.MapMetrics();
app.MapHub<EventsHub>(EventsHub.Path);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var kafka = app.Services.GetRequiredService<IOptions<KafkaOptions>>().Value;
    app.Logger.LogInformation(
        "EventObserver is listening on {Urls} (web root {WebRoot})",
        string.Join(", ", app.Urls),
        app.Environment.WebRootPath);
    if (kafka.IsEmbedded)
    {
        app.Logger.LogInformation("No EventObserver:Kafka:BootstrapServers set: running on the embedded demo broker with demo traffic");
    }
    else
    {
        app.Logger.LogInformation("Connecting to the Kafka cluster at {BootstrapServers}", kafka.BootstrapServers);
    }
});

try
{
    // Check every setting before anything starts, so a bad one ends in one clear message, not a logged stack trace.
    app.Services.GetService<IStartupValidator>()?.Validate();
    app.Run();
    return 0;
}
catch (Exception ex) when (StartupFailure.IsConfigurationError(ex) && StartupFailure.IsOwnProcess)
{
    Console.Error.WriteLine(StartupFailure.Describe(ex));
    return 1;
}

public partial class Program
{
    private static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/healthz");
}
