using System.Text.Json;

using EventObserver.Core.Feed;
using EventObserver.Features.Feed;
using EventObserver.Tests.Hubs;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

using static EventObserver.Tests.Access.AccessAppFixture;

namespace EventObserver.Tests.Access;

/// <summary>
/// The hub, through a real SignalR client, for a user restricted to the shop topics: what it sends (read raw) holds
/// nothing of the denied topic; a filter naming it is refused; masked events arrive masked.
/// </summary>
[Collection(AccessAppCollection.Name)]
public sealed class DeniedTopicHubTests(AccessAppFixture app)
{
    private ILiveFeed Feed => app.Factory.Services.GetRequiredService<ILiveFeed>();

    [Fact]
    public async Task Subscribe_EverythingAsRestrictedViewer_SendsReadableEventsOnly()
    {
        await using var client = await ConnectAsync(Viewer);
        var batches = new List<string>();
        client.On<JsonElement>(FeedHubMethods.ReceiveEvents, batch =>
        {
            lock (batches)
            {
                batches.Add(batch.GetRawText());
            }
        });
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto());

        var last = Publish();

        await FeedHubFixture.WaitUntilAsync(() => Received(batches).Contains(last, StringComparison.Ordinal), "the last readable event arrived");
        var raw = Received(batches);
        Leaks.AssertNone(raw, "hub batches");
        Assert.Contains(OrdersTopic, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_EverythingAsAdmin_SendsTheDeniedTopicToo()
    {
        await using var client = await ConnectAsync(Admin);
        var batches = new List<string>();
        client.On<JsonElement>(FeedHubMethods.ReceiveEvents, batch =>
        {
            lock (batches)
            {
                batches.Add(batch.GetRawText());
            }
        });
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto());

        var last = Publish();

        await FeedHubFixture.WaitUntilAsync(() => Received(batches).Contains(last, StringComparison.Ordinal), "the last event arrived");
        Assert.True(Leaks.Any(Received(batches)));
    }

    [Fact]
    public async Task Stream_EverythingAsRestrictedViewer_StreamsReadableEventsOnly()
    {
        await using var client = await ConnectAsync(Viewer);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = client.StreamAsync<JsonElement>(nameof(EventsHub.Stream), new FeedFilterDto(), stop.Token);
        var received = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var item in stream)
            {
                received.Add(item.GetRawText());
                if (item.GetProperty("messageId").GetString() == LastId)
                {
                    return;
                }
            }
        });

        // The stream subscribes when the server runs the call: publish until the first readable event comes through.
        while (!reading.IsCompleted)
        {
            Publish();
            await Task.WhenAny(reading, Task.Delay(200));
        }

        await reading;
        Leaks.AssertNone(string.Join('\n', received), "hub stream");
        Assert.NotEmpty(received);
    }

    [Theory]
    [InlineData(nameof(EventsHub.Subscribe))]
    [InlineData(nameof(EventsHub.Stream))]
    public async Task FilterNamingTheDeniedTopic_IsRefusedSayingWhy(string method)
    {
        await using var client = await ConnectAsync(Viewer);
        var filter = new FeedFilterDto { Topics = [DeniedTopic] };

        var error = method == nameof(EventsHub.Subscribe)
            ? await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync(method, filter))
            : await Assert.ThrowsAsync<HubException>(async () =>
            {
                await foreach (var _ in client.StreamAsync<JsonElement>(method, filter))
                {
                }
            });

        Assert.Contains($"may not read topic '{DeniedTopic}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, FakeMasker.MaskedSource)]
    [InlineData(true, "test-service")]
    public async Task Subscribe_MaskedTopic_ArrivesMaskedUnlessTheUserSeesRawValues(bool raw, string expectedSource)
    {
        await using var client = await ConnectAsync(raw ? Unmasker : Viewer);
        var received = new ReceivedEvents(client);
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [PaymentsTopic] });

        var payment = Readable()[2];
        Feed.Publish([payment]);

        await FeedHubFixture.WaitUntilAsync(() => received.Count > 0, "the payment arrived");
        Assert.Equal(expectedSource, Assert.Single(received.Events).Source);
    }

    private const string LastId = "shop.orders-0-1";

    /// <summary>Publishes the denied topic's events around the readable ones; returns the last readable event's id.</summary>
    private string Publish()
    {
        var readable = Readable();
        Feed.Publish([.. Denied(), readable[0], .. Denied(), readable[2], readable[1]]);
        return LastId;
    }

    private static string Received(List<string> batches)
    {
        lock (batches)
        {
            return string.Join('\n', batches);
        }
    }

    private async Task<HubConnection> ConnectAsync(string user)
    {
        var server = app.Factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, EventsHub.Path.TrimStart('/')), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers[TestSignIn.Header] = user;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
