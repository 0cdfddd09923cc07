using EventObserver.Core.Envelopes;
using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Demo;
using EventObserver.Storage.Projections;
using EventObserver.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Security;

/// <summary>
/// The real app on a real Kestrel port (chunked bodies, the Server header and Kestrel's own limits only exist there),
/// with publishing enabled and allow-listed, one extra allowed origin and a meter on request bodies.
/// </summary>
public sealed class SecurityAppFixture : IDisposable
{
    public const string TrustedOrigin = "http://trusted.example:8443";
    public const string Topic = "shop.orders";

    public SecurityAppFixture()
    {
        Factory = new SeededAppFactory(builder =>
        {
            builder.UseSetting("EventObserver:Security:AllowedOrigins:0", TrustedOrigin);
            builder.UseSetting("EventObserver:Replay:AllowPublish", "true");
            builder.UseSetting("EventObserver:Replay:AllowedTargets:0", @"^replay\.");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(Meter));
        });
        Factory.UseKestrel(0);
        Factory.StartServer();
        Factory.Seed(
            Envelopes.Json(Topic, 0, "OrderPlaced", MessageKind.Event, """{"orderId":"o-1"}""", key: "o-1"),
            Envelopes.Json(Topic, 1, "OrderShipped", MessageKind.Event, """{"orderId":"o-1"}""", key: "o-1"));
        Client = Factory.CreateClient();
        OwnOrigin = Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
    }

    public SeededAppFactory Factory { get; }

    public BodyReadMeter Meter { get; } = new();

    /// <summary>A client of the real port; it sends neither Origin nor Sec-Fetch-Site (like curl).</summary>
    public HttpClient Client { get; }

    /// <summary>The app's own origin, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string OwnOrigin { get; }

    /// <summary>Another port of the same host: same-site for a browser, but another origin.</summary>
    public string OtherPortOrigin => new UriBuilder(OwnOrigin) { Port = Client.BaseAddress!.Port == 1 ? 2 : 1 }.Uri.GetLeftPart(UriPartial.Authority);

    public ReplayRunManager Runs => Factory.Services.GetRequiredService<ReplayRunManager>();

    public ProjectionStore Projections => Factory.Services.GetRequiredService<ProjectionStore>();

    public DemoTrafficGenerator Demo => Factory.Services.GetRequiredService<DemoTrafficGenerator>();

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
