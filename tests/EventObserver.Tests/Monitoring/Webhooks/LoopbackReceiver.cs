using System.Collections.Concurrent;
using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventObserver.Tests.Monitoring.Webhooks;

/// <summary>
/// A real HTTP receiver on a loopback port (Kestrel): records every POST (body, headers, the fake clock's time) and
/// answers with the status <see cref="Answer"/> gives for the request's number, or never (<see cref="Hang"/>).
/// </summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    /// <summary>An <see cref="Answer"/> result: keep the request open until the receiver is disposed.</summary>
    public const int Hang = 0;

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _release = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private int _count;

    private LoopbackReceiver(WebApplication app, TimeProvider clock)
    {
        _app = app;
        app.MapPost("/hook", async context =>
        {
            var number = Interlocked.Increment(ref _count);
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _requests.Enqueue(new ReceivedRequest(number, body.ToArray(), headers, clock.GetUtcNow()));
            var status = Answer(number);
            if (status == Hang)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _release.Token);
                await Task.Delay(Timeout.Infinite, linked.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            context.Response.StatusCode = status;
        });
    }

    public Func<int, int> Answer { get; set; } = _ => 200;

    public string Url { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests.OrderBy(r => r.Number)];

    public static async Task<LoopbackReceiver> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var receiver = new LoopbackReceiver(builder.Build(), clock);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>A URL on loopback where nothing listens: connections are refused.</summary>
    public static string RefusingUrl()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/hook";
    }

    public async ValueTask DisposeAsync()
    {
        await _release.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _release.Dispose();
    }
}
