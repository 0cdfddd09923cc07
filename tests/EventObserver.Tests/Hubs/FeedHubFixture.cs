using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Features.Feed;
using EventObserver.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Hubs;

/// <summary>
/// The real app (no Kafka ingestion) for hub tests: events are published straight into its <see cref="ILiveFeed"/>.
/// Hub queues are small and the send timeout short, so a slow client is detected quickly.
/// </summary>
public sealed class FeedHubFixture : IDisposable
{
    public const int SubscriptionCapacity = 2_000;

    private readonly SeededAppFactory _seeded = new();

    public FeedHubFixture()
    {
        Factory = _seeded.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.Configure<FeedHubOptions>(o =>
        {
            o.SubscriptionCapacity = SubscriptionCapacity;
            o.SendTimeout = TimeSpan.FromMilliseconds(250);
        })));
    }

    public WebApplicationFactory<Program> Factory { get; }

    public ILiveFeed Feed => Factory.Services.GetRequiredService<ILiveFeed>();

    public FeedHubConnections Connections => Factory.Services.GetRequiredService<FeedHubConnections>();

    /// <summary>A started client over long polling through the in-memory server (it has real back-pressure).</summary>
    public Task<HubConnection> ConnectAsync() => HubClients.ConnectAsync(Factory);

    public static EventEnvelope Event(string topic, long offset, MessageKind kind = MessageKind.Event) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = 1_700_000_000_000 + offset,
        Key = $"key-{offset}",
        MessageId = $"{topic}-{offset}",
        MessageType = kind == MessageKind.Command ? "PlaceOrder" : "OrderPlaced",
        Kind = kind,
        CorrelationId = "c-1",
        Source = "tests",
        Payload = "{}"u8.ToArray(),
        PayloadFormat = PayloadFormat.Json,
    };

    public static EventEnvelope[] Events(string topic, long from, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Event(topic, from + i))];

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after a generous deadline.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}");
            }

            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        Factory.Dispose();
        _seeded.Dispose();
    }
}
