using EventObserver.Features.Feed;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace EventObserver.Tests.Hubs;

/// <summary>SignalR clients of <c>/hubs/events</c> through a factory's in-memory server.</summary>
public static class HubClients
{
    /// <summary>A started client over long polling (the in-memory server has real back-pressure for it).</summary>
    public static async Task<HubConnection> ConnectAsync(WebApplicationFactory<Program> factory)
    {
        var server = factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, EventsHub.Path.TrimStart('/')), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
