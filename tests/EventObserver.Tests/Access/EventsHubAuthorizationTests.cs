using System.Net;
using System.Reflection;

using EventObserver.Access;
using EventObserver.Features.Feed;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace EventObserver.Tests.Access;

/// <summary>The events hub in Local mode: its policy covers every method; keys work as header or as access_token.</summary>
public sealed class EventsHubAuthorizationTests(LocalModeFixture fixture) : IClassFixture<LocalModeFixture>
{
    /// <summary>Every public method a client can call → the policy it needs.</summary>
    private static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(EventsHub.Subscribe)] = AccessPolicies.Viewer,
        [nameof(EventsHub.Unsubscribe)] = AccessPolicies.Viewer,
        [nameof(EventsHub.Stream)] = AccessPolicies.Viewer,
    };

    [Fact]
    public void EveryHubMethod_HasThePolicyInTheTable()
    {
        var hubPolicies = typeof(EventsHub).GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
        var methods = typeof(EventsHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(EventsHub))
            .ToDictionary(
                m => m.Name,
                m => m.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).Concat(hubPolicies).OfType<string>().Distinct().Single(),
                StringComparer.Ordinal);

        Assert.Equal(Expected.OrderBy(e => e.Key), methods.OrderBy(e => e.Key));
        Assert.DoesNotContain(typeof(EventsHub).GetMethods(), m => m.GetCustomAttributes<AllowAnonymousAttribute>().Any());
    }

    [Fact]
    public async Task Negotiate_Anonymous_Is401()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync($"{EventsHub.Path}/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_KeyAsAccessTokenQuery_IsAccepted_AndAKeyWithoutViewerIsForbidden()
    {
        using var client = fixture.CreateClient();

        using var viewer = await client.PostAsync($"{EventsHub.Path}/negotiate?negotiateVersion=1&access_token={LocalModeFixture.Keys[AccessRoles.Viewer]}", null);
        using var noRole = await client.PostAsync($"{EventsHub.Path}/negotiate?negotiateVersion=1&access_token={LocalModeFixture.Keys[""]}", null);

        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
    }

    [Fact]
    public async Task Hub_ViewerKey_CanCallEveryMethod()
    {
        var server = fixture.Factory.Server;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, EventsHub.Path.TrimStart('/')), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(LocalModeFixture.Keys[AccessRoles.Viewer]);
            })
            .Build();
        await connection.StartAsync();

        await connection.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto());
        await connection.InvokeAsync(nameof(EventsHub.Unsubscribe));
        using var cancel = new CancellationTokenSource();
        var stream = connection.StreamAsync<FeedEventDto>(nameof(EventsHub.Stream), new FeedFilterDto(), cancel.Token);
        await using (var reader = stream.GetAsyncEnumerator(CancellationToken.None))
        {
            // The stream started (the server accepted the call); nothing is produced in this app, so end it.
            var next = reader.MoveNextAsync().AsTask();
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        }

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Hub_WithoutCredentials_CannotConnect()
    {
        var server = fixture.Factory.Server;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, EventsHub.Path.TrimStart('/')), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
