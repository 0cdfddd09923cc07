using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Embedded;

/// <summary>
/// An in-memory server of the Schema Registry REST protocol on 127.0.0.1 (a free port): the subset Confluent's
/// serializers (auto-registering) and our registry client use. For the demo and the tests; nothing is persisted.
/// </summary>
public sealed class EmbeddedSchemaRegistry : IAsyncDisposable
{
#pragma warning disable ASPDEPR008 // See StartAsync: the deprecated web host keeps off the generic host's listener.
    private readonly IWebHost _app;
#pragma warning restore ASPDEPR008
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly string? _requiredAuthorization;
    private volatile RegistryFault _fault;

#pragma warning disable ASPDEPR008
    private EmbeddedSchemaRegistry(IWebHost app, string? requiredUserInfo, RegistryStore store)
#pragma warning restore ASPDEPR008
    {
        _app = app;
        Store = store;
        _requiredAuthorization = requiredUserInfo is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(requiredUserInfo));
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>Misbehaviour for tests (500s or stalls); takes effect at the next request.</summary>
    public RegistryFault Fault
    {
        get => _fault;
        set => _fault = value;
    }

    /// <summary>How long a request is held under <see cref="RegistryFault.Stall"/>.</summary>
    public TimeSpan StallFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every request received, as <c>METHOD /path</c>, oldest first.</summary>
    public IReadOnlyCollection<string> Requests => _requests.ToArray();

    internal RegistryStore Store { get; }

    public static Task<EmbeddedSchemaRegistry> StartAsync(CancellationToken cancellationToken) => StartAsync(null, cancellationToken);

    /// <param name="requiredUserInfo">When set (<c>user:password</c>), requests without that basic authentication get 401.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<EmbeddedSchemaRegistry> StartAsync(string? requiredUserInfo, CancellationToken cancellationToken)
    {
        // A bare web host, not WebApplication: a generic host announces its build on the process-wide
        // "Microsoft.Extensions.Hosting" diagnostic listener, and a WebApplicationFactory starting at that moment (tests
        // run in parallel) takes that host for its own app's. Empty: none of the host app's configuration applies here.
        EmbeddedSchemaRegistry? registry = null;
        var store = new RegistryStore();
#pragma warning disable ASPDEPR004, ASPDEPR008 // WebHostBuilder is deprecated, and it is the one builder that stays off that listener.
        var app = new WebHostBuilder()
            .UseKestrel(o => o.Listen(IPAddress.Loopback, 0))
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices(services => services.AddRouting())
            .Configure(web =>
            {
                web.Use((context, next) => registry!.GuardAsync(context, next));
                web.UseRouting();
                web.UseEndpoints(endpoints =>
                {
                    RegistryEndpoints.Map(endpoints, store);
                    endpoints.MapFallback(context => RegistryEndpoints.ErrorAsync(context, StatusCodes.Status404NotFound, 404, "HTTP 404 Not Found"));
                });
            })
            .Build();
#pragma warning restore ASPDEPR004, ASPDEPR008
        registry = new EmbeddedSchemaRegistry(app, requiredUserInfo, store);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        registry.Url = address.TrimEnd('/');
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _app.Dispose();
        _stopping.Dispose();
    }

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        _requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
        switch (_fault)
        {
            case RegistryFault.ServerError:
                await RegistryEndpoints.ErrorAsync(context, StatusCodes.Status500InternalServerError, 50001, "Error in the backend data store").ConfigureAwait(false);
                return;

            case RegistryFault.Stall:
                using (var stall = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    try
                    {
                        await Task.Delay(StallFor, stall.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client gave up (its timeout) or the server stops.
                        return;
                    }
                }

                break;
        }

        if (_requiredAuthorization is not null && !string.Equals(context.Request.Headers.Authorization, _requiredAuthorization, StringComparison.Ordinal))
        {
            await RegistryEndpoints.ErrorAsync(context, StatusCodes.Status401Unauthorized, 401, "Unauthorized").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
