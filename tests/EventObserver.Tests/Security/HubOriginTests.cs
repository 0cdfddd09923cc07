using System.Net;
using System.Net.WebSockets;
using System.Text;

using EventObserver.Features.Feed;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace EventObserver.Tests.Security;

/// <summary>
/// Another site's page cannot open the events hub or a Blazor circuit (WebSockets ignore CORS, so the handshake's
/// Origin is checked); the app's own pages and non-browser clients (no Origin) still can.
/// </summary>
[Collection(SecurityAppCollection.Name)]
public sealed class HubOriginTests(SecurityAppFixture fixture)
{
    [Theory]
    [InlineData("/hubs/events/negotiate?negotiateVersion=1")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task Negotiate_ForeignOrigin_Is403Problem(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await fixture.Client.SendAsync(request);

        await CrossSiteApiTests.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Negotiate_SameOriginOrNoOrigin_IsAnswered(bool sameOrigin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/events/negotiate?negotiateVersion=1");
        if (sameOrigin)
        {
            request.Headers.Add("Origin", fixture.OwnOrigin);
        }

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WebSocket_ForeignOrigin_HandshakeIsRefused()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", fixture.OtherPortOrigin);
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(HubSocketUri(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WebSocket_SameOriginOrNoOrigin_CompletesTheHubHandshake(bool sameOrigin)
    {
        using var socket = new ClientWebSocket();
        if (sameOrigin)
        {
            socket.Options.SetRequestHeader("Origin", fixture.OwnOrigin);
        }

        await socket.ConnectAsync(HubSocketUri(), CancellationToken.None);
        await socket.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("{}\u001e", Encoding.UTF8.GetString(buffer, 0, received.Count));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task DotNetClient_WithForeignOriginHeader_CannotStart()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Client.BaseAddress!, EventsHub.Path.TrimStart('/')), o =>
            {
                o.Headers["Origin"] = "http://evil.example";
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());

        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    private Uri HubSocketUri() => new UriBuilder(new Uri(fixture.Client.BaseAddress!, EventsHub.Path.TrimStart('/'))) { Scheme = "ws" }.Uri;
}
