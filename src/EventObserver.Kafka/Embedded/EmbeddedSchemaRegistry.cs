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
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly string? _requiredAuthorization;
    private volatile RegistryFault _fault;

    private EmbeddedSchemaRegistry(WebApplication app, string? requiredUserInfo)
    {
        _app = app;
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

    internal RegistryStore Store { get; } = new();

    public static Task<EmbeddedSchemaRegistry> StartAsync(CancellationToken cancellationToken) => StartAsync(null, cancellationToken);

    /// <param name="requiredUserInfo">When set (<c>user:password</c>), requests without that basic authentication get 401.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<EmbeddedSchemaRegistry> StartAsync(string? requiredUserInfo, CancellationToken cancellationToken)
    {
        // Slim and empty: none of the host app's configuration (URLs, logging, appsettings) applies to this server.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(EmbeddedSchemaRegistry).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var registry = new EmbeddedSchemaRegistry(app, requiredUserInfo);
        app.Use(registry.GuardAsync);
        RegistryEndpoints.Map(app, registry.Store);
        app.MapFallback(context => RegistryEndpoints.ErrorAsync(context, StatusCodes.Status404NotFound, 404, "HTTP 404 Not Found"));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        registry.Url = address.TrimEnd('/');
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task GuardAsync(HttpContext context, Func<Task> next)
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

        await next().ConfigureAwait(false);
    }
}
