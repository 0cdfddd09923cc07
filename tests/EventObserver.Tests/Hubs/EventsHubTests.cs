using System.Text;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;
using EventObserver.Features.Feed;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static EventObserver.Tests.Hubs.FeedHubFixture;

using LiveFeed = EventObserver.Core.Feed.LiveFeed;

namespace EventObserver.Tests.Hubs;

public sealed class EventsHubTests(FeedHubFixture app) : IClassFixture<FeedHubFixture>
{
    [Fact]
    public async Task Subscribe_TopicFilter_ReceivesOnlyThatTopicsEvents()
    {
        var wanted = Unique("orders");
        var other = Unique("payments");
        await using var client = await app.ConnectAsync();
        var received = new ReceivedEvents(client);
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [wanted] });

        app.Feed.Publish([Event(other, 1), Event(wanted, 1), Event(other, 2), Event(wanted, 2)]);
        app.Feed.Publish([Event(other, 3), Event(wanted, 3)]);

        await WaitUntilAsync(() => received.Contains($"{wanted}-3"), "the last event of the wanted topic arrived");
        Assert.All(received.Events, e => Assert.Equal(wanted, e.Topic));
        Assert.Equal([1L, 2, 3], received.Events.Select(e => e.Offset));
    }

    [Fact]
    public async Task Subscribe_KindFilter_ReceivesSummaryFieldsOfMatchingEventsOnly()
    {
        var topic = Unique("commands");
        await using var client = await app.ConnectAsync();
        var received = new ReceivedEvents(client);
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [topic], Kind = "command" });

        app.Feed.Publish([Event(topic, 1), Event(topic, 2, MessageKind.Command)]);

        await WaitUntilAsync(() => received.Count > 0, "the command arrived");
        var command = Assert.Single(received.Events);
        Assert.Equal((topic, 0, 2L), (command.Topic, command.Partition, command.Offset));
        Assert.Equal(("Command", "PlaceOrder", "c-1", "tests", "key-2"), (command.Kind, command.Type, command.CorrelationId, command.Source, command.Key));
        Assert.Equal(1_700_000_000_002, command.TimestampMs);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_002), command.Timestamp);
    }

    [Fact]
    public async Task Subscribe_BadKind_FailsWithAClearMessage()
    {
        await using var client = await app.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Kind = "Query" }));

        Assert.Contains("kind 'Query' is not one of Command, Event, Message", error.Message);
        Assert.Null(app.Connections.Stats(client.ConnectionId!));
    }

    [Fact]
    public async Task Subscribe_TextLongerThanTheLimit_FailsSayingTheLimit()
    {
        await using var client = await app.ConnectAsync();
        var filter = new FeedFilterDto { Text = new string('a', 15_000) + "b" };

        var subscribe = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync(nameof(EventsHub.Subscribe), filter));
        var stream = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in client.StreamAsync<FeedEventDto>(nameof(EventsHub.Stream), filter))
            {
            }
        });

        Assert.Contains($"is 15,001 characters long; at most {EventSelection.MaxTextLength} are allowed", subscribe.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {EventSelection.MaxTextLength}", stream.Message, StringComparison.Ordinal);
        Assert.Null(app.Connections.Stats(client.ConnectionId!));
    }

    [Fact]
    public async Task Subscribe_TextAtTheLimit_ReceivesMatchingEvents()
    {
        var topic = Unique("long-text");
        var text = new string('x', EventSelection.MaxTextLength);
        await using var client = await app.ConnectAsync();
        var received = new ReceivedEvents(client);
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [topic], Text = text });

        var matching = new EventEnvelope
        {
            Topic = topic,
            Partition = 0,
            Offset = 1,
            TimestampMs = 1_700_000_000_000,
            MessageId = $"{topic}-1",
            Payload = Encoding.UTF8.GetBytes("a" + text.ToUpperInvariant()),
            PayloadFormat = PayloadFormat.Text,
        };

        app.Feed.Publish([matching, Event(topic, 2)]);

        await WaitUntilAsync(() => received.Count > 0, "the matching event arrived");
        Assert.Equal(1, Assert.Single(received.Events).Offset);
    }

    [Fact]
    public async Task Publish_ManyEventsAtOnce_ArriveInFewBatches()
    {
        var topic = Unique("burst");
        await using var client = await app.ConnectAsync();
        var received = new ReceivedEvents(client);
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [topic] });

        app.Feed.Publish(Events(topic, 0, 1000));

        await WaitUntilAsync(() => received.Count >= 1000, "all 1000 events arrived");
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), received.Events.Select(e => e.Offset));
        Assert.InRange(received.Batches.Count, 2, 10);
        Assert.All(received.Batches, b => Assert.InRange(b.Length, 1, 500));
        Assert.Equal(0, received.DroppedNotices);
    }

    [Fact]
    public async Task Publish_BatchesApartByMoreThanTheLinger_EachArrivesWithoutDrops()
    {
        // Between bursts the pump's wait outlives its linger and is picked up again by the next burst.
        var topic = Unique("bursts");
        await using var client = await app.ConnectAsync();
        var received = new ReceivedEvents(client);
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [topic] });

        for (var burst = 0; burst < 5; burst++)
        {
            app.Feed.Publish(Events(topic, burst * 10, 10));
            var expected = (burst + 1) * 10;
            await WaitUntilAsync(() => received.Count >= expected, $"burst {burst} arrived");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), received.Events.Select(e => e.Offset));
        Assert.Equal(0, received.DroppedNotices);
    }

    [Fact]
    public async Task Publish_ClientBlocksInItsHandler_GetsDroppedNoticeWhileOthersAndPublishingGoOn()
    {
        var topic = Unique("flood");
        using var release = new ManualResetEventSlim();
        using var firstBatch = new ManualResetEventSlim();
        await using var slow = await app.ConnectAsync();
        var slowReceived = new ReceivedEvents(slow, _ =>
        {
            firstBatch.Set();
            release.Wait(TimeSpan.FromSeconds(60));
        });
        await using var fast = await app.ConnectAsync();
        var fastReceived = new ReceivedEvents(fast);
        var filter = new FeedFilterDto { Topics = [topic] };
        await slow.InvokeAsync(nameof(EventsHub.Subscribe), filter);
        await fast.InvokeAsync(nameof(EventsHub.Subscribe), filter);
        app.Feed.Publish([Event(topic, 0)]);
        await WaitUntilAsync(() => firstBatch.IsSet, "the slow client is blocked in its handler");

        // 100,000 events (~30 MB as JSON): far more than the subscription queue and SignalR's buffers hold.
        long published = 1;
        for (var i = 0; i < 200; i++)
        {
            app.Feed.Publish(Events(topic, published, 500));
            published += 500;
        }

        Assert.False(release.IsSet);
        await WaitUntilAsync(() => app.Connections.Stats(slow.ConnectionId!)!.Dropped > 0, "the slow client's events are dropped");
        var stalled = app.Connections.Stats(slow.ConnectionId!)!;
        // The queue holds at most its capacity; the reader may hold one more slice it took for filtering (64 events).
        Assert.InRange(stalled.Queued, 0, SubscriptionCapacity + 64);
        published = await PublishMarkerUntilReceivedAsync(topic, published, fastReceived);

        release.Set();
        published = await PublishMarkerUntilReceivedAsync(topic, published, slowReceived);
        Assert.True(slowReceived.DroppedNotices > 0);
        Assert.Equal(published, slowReceived.Count + slowReceived.DroppedNotices);
        Assert.Equal(published, app.Connections.Stats(slow.ConnectionId!)!.Sent + app.Connections.Stats(slow.ConnectionId!)!.Dropped);
        await WaitUntilAsync(() => fastReceived.Count + fastReceived.DroppedNotices == published, "the fast client got or was told about every event");
    }

    [Fact]
    public async Task Unsubscribe_RemovesTheSubscriptionAndStopsDelivery()
    {
        var topic = Unique("unsubscribe");
        await using var client = await app.ConnectAsync();
        var received = new ReceivedEvents(client);
        await using var witness = await app.ConnectAsync();
        var witnessed = new ReceivedEvents(witness);
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [topic] });
        await witness.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [topic] });
        Assert.NotNull(app.Connections.Stats(client.ConnectionId!));

        await client.InvokeAsync(nameof(EventsHub.Unsubscribe));
        app.Feed.Publish([Event(topic, 1)]);

        await WaitUntilAsync(() => witnessed.Count > 0, "the witness received the event");
        Assert.Null(app.Connections.Stats(client.ConnectionId!));
        Assert.Equal(0, received.Count);
    }

    [Fact]
    public async Task Subscribe_Twice_ReplacesTheFirstSubscription()
    {
        var first = Unique("first");
        var second = Unique("second");
        await using var client = await app.ConnectAsync();
        var received = new ReceivedEvents(client);
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [first] });

        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [second] });
        app.Feed.Publish([Event(first, 1), Event(second, 1)]);

        await WaitUntilAsync(() => received.Count > 0, "an event arrived");
        Assert.Equal(second, Assert.Single(received.Events).Topic);
        Assert.Equal(second, Assert.Single(app.Connections.Stats(client.ConnectionId!)!.Filter.Topics));
    }

    [Fact]
    public async Task Disconnect_WithEventsQueued_RemovesTheSubscriptionFromTheFeed()
    {
        var topic = Unique("gone");
        var client = await app.ConnectAsync();
        await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Topics = [topic], Text = "needle" });
        var id = client.ConnectionId!;
        Assert.NotNull(app.Connections.Stats(id));
        app.Feed.Publish(Events(topic, 0, 5_000));

        await client.DisposeAsync();

        // Every other client of this class is gone too: nothing may be left subscribed to (or filtering for) the feed.
        await WaitUntilAsync(() => app.Connections.Stats(id) is null, "the server noticed the disconnect");
        await WaitUntilAsync(() => ((LiveFeed)app.Feed).SubscriberCount == 0, "the subscription left the feed");
    }

    [Fact]
    public async Task Stream_TopicFilter_YieldsOnlyThatTopicsEventsInOrder()
    {
        var wanted = Unique("stream");
        var other = Unique("other");
        await using var client = await app.ConnectAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new System.Collections.Concurrent.ConcurrentQueue<FeedEventDto>();
        var reading = Task.Run(async () =>
        {
            await foreach (var e in client.StreamAsync<FeedEventDto>(nameof(EventsHub.Stream), new FeedFilterDto { Topics = [wanted] }, cancel.Token))
            {
                received.Enqueue(e);
            }
        });

        // The stream subscribes asynchronously: publish until its first events arrive.
        for (var offset = 0; received.Count < 4; offset++)
        {
            cancel.Token.ThrowIfCancellationRequested();
            app.Feed.Publish([Event(other, offset), Event(wanted, offset)]);
            await Task.Delay(20, cancel.Token);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.All(received, e => Assert.Equal(wanted, e.Topic));
        var offsets = received.Select(e => e.Offset).ToList();
        Assert.Equal(offsets.Order(), offsets);
        Assert.Equal(offsets.Count, offsets.Distinct().Count());
    }

    [Fact]
    public async Task Stream_BadFilter_FailsWithAClearMessage()
    {
        await using var client = await app.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in client.StreamAsync<FeedEventDto>(nameof(EventsHub.Stream), new FeedFilterDto { Kind = "nope" }))
            {
            }
        });

        Assert.Contains("kind 'nope'", error.Message);
    }

    private async Task<long> PublishMarkerUntilReceivedAsync(string topic, long published, ReceivedEvents received)
    {
        // A marker can itself be dropped while the client is still catching up: publish new ones until one arrives.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var marker = Event(topic, published++);
            app.Feed.Publish([marker]);
            var deadline = DateTime.UtcNow.AddSeconds(1);
            while (DateTime.UtcNow < deadline)
            {
                if (received.Contains(marker.MessageId))
                {
                    return published;
                }

                await Task.Delay(20);
            }
        }

        Assert.Fail("no marker event reached the client");
        return published;
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..24];
}
