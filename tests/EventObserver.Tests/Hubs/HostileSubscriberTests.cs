using EventObserver.Core.Feed;
using EventObserver.Core.Selection;
using EventObserver.Features.Feed;
using EventObserver.TestSupport;
using EventObserver.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

using LiveFeed = EventObserver.Core.Feed.LiveFeed;

namespace EventObserver.Tests.Hubs;

/// <summary>
/// Issue 16, finding 1: hub subscribers whose text filter is as costly as allowed. The real app indexes a backlog from
/// the mock cluster (with 20 messages of 64 KB of 'a') while ten such subscribers are connected over SignalR: every
/// event is indexed, each filter really runs over every event, and the subscribers leave the feed cleanly. That filters
/// run off the writer is <c>FeedSubscriptionTests</c>' (a blocked filter does not hold up publishing); what they cost the
/// indexed rate is the benchmark's (<c>hostile</c> scenario), not a timed test's.
/// </summary>
public sealed class HostileSubscriberTests : IClassFixture<MockClusterFixture>, IDisposable
{
    private const int SmallMessages = 20_000;
    private const int HostileClients = 10;

    // The longest text allowed, all but its last character matching the large payloads: the costliest search.
    private static readonly string HostileText = new string('a', EventSelection.MaxTextLength - 1) + "b";

    // As long, and found in every large payload (and in no small one).
    private static readonly string MatchingText = new('a', EventSelection.MaxTextLength);

    private readonly MockClusterFixture _kafka;
    private readonly ClusterAppFactory _app;
    private readonly TestProducer _producer;

    public HostileSubscriberTests(MockClusterFixture kafka)
    {
        _kafka = kafka;
        _app = new ClusterAppFactory(kafka.BootstrapServers);
        _producer = new TestProducer(kafka.BootstrapServers);
    }

    private LiveFeed Feed => (LiveFeed)_app.Services.GetRequiredService<ILiveFeed>();

    private FeedHubConnections Connections => _app.Services.GetRequiredService<FeedHubConnections>();

    public void Dispose()
    {
        _producer.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task Subscribe_TextLongerThanAllowed_IsRefusedWithTheLimit()
    {
        await using var client = await HubClients.ConnectAsync(_app);

        var error = await Assert.ThrowsAsync<HubException>(() =>
            client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Text = new string('a', 15_000) + "b" }));

        Assert.Contains($"at most {EventSelection.MaxTextLength}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Connections.Count);
    }

    [Fact]
    public async Task Indexing_TenSubscribersWithTheCostliestTextFilter_IndexesEveryEventAndSendsOnlyMatches()
    {
        // Arrange: ten subscribers with the costliest text that matches nothing, one with a text only the large match.
        var topic = _kafka.CreateTopic("backlog", partitions: 8);
        var subscribersBefore = Feed.SubscriberCount;
        using var indexed = Feed.Subscribe(EventSelection.All, capacity: 10 * (SmallMessages + HostileBacklog.LargeMessages));
        var hostile = new List<(HubConnection Client, ReceivedEvents Received)>();
        for (var i = 0; i < HostileClients; i++)
        {
            var client = await HubClients.ConnectAsync(_app);
            hostile.Add((client, new ReceivedEvents(client)));
            await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Text = HostileText });
        }

        await using var matching = await HubClients.ConnectAsync(_app);
        var matched = new ReceivedEvents(matching);
        await matching.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Text = MatchingText });
        Assert.Equal(HostileClients + 1, Connections.Count);

        // Act
        HostileBacklog.Produce(_producer, topic, SmallMessages);
        var seen = await CountIndexedAsync(indexed, topic, SmallMessages + HostileBacklog.LargeMessages, TimeSpan.FromSeconds(90));

        // Assert: everything indexed; each filter went through every event (nothing left queued), matched nothing
        // (hostile) or exactly the large messages, each delivered or counted as dropped.
        Assert.Equal(SmallMessages + HostileBacklog.LargeMessages, seen);
        await Eventually.TrueAsync(
            () => hostile.All(h => Connections.Stats(h.Client.ConnectionId!) is { Queued: 0 })
                && Connections.Stats(matching.ConnectionId!) is { Queued: 0 }
                && matched.Count + matched.DroppedNotices >= HostileBacklog.LargeMessages,
            "every subscriber filtered the whole backlog", TimeSpan.FromSeconds(60));
        Assert.All(hostile, h => Assert.Equal(0, Connections.Stats(h.Client.ConnectionId!)!.Sent));
        Assert.All(hostile, h => Assert.Equal(0, h.Received.Count));
        Assert.All(matched.Events, e => Assert.StartsWith("large-", e.Key, StringComparison.Ordinal));
        Assert.Equal(matched.Events.Count, matched.Events.Select(e => e.Key).Distinct().Count());

        // Leaving takes each subscription out of the feed at once: no filtering goes on for it.
        foreach (var (client, _) in hostile)
        {
            await client.DisposeAsync();
        }

        await matching.DisposeAsync();
        await Eventually.TrueAsync(
            () => Connections.Count == 0 && Feed.SubscriberCount == subscribersBefore + 1,
            "the subscriptions left the feed", TimeSpan.FromSeconds(10));
    }

    /// <summary>Counts the topic's events as the feed publishes them (right after each commit) until <paramref name="expected"/> or the timeout.</summary>
    private static async Task<int> CountIndexedAsync(IFeedSubscription subscription, string topic, int expected, TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource(timeout);
        var seen = 0;
        try
        {
            while (seen < expected && await subscription.Reader.WaitToReadAsync(stop.Token))
            {
                while (subscription.Reader.TryRead(out var envelope))
                {
                    seen += envelope.Topic == topic ? 1 : 0;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return seen;
    }
}
