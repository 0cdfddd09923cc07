using System.Diagnostics;
using System.Text;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;
using EventObserver.Features.Feed;
using EventObserver.TestSupport;
using EventObserver.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

using LiveFeed = EventObserver.Core.Feed.LiveFeed;

namespace EventObserver.Tests.Hubs;

/// <summary>
/// Issue 16, finding 1: hub subscribers whose text filter is as costly as allowed must not slow indexing down. The
/// real app indexes a backlog from the mock cluster (with 20 messages of 64 KB of 'a') with and without ten such
/// subscribers connected over SignalR; the indexed rates are compared.
/// </summary>
[Collection(IngestRateCollection.Name)]
public sealed class HostileSubscriberTests : IClassFixture<MockClusterFixture>, IDisposable
{
    private const int SmallMessages = 150_000;
    private const int LargeMessages = 20;
    private const int LargeMessageBytes = 64 * 1024;
    private const int HostileClients = 10;
    private const int Attempts = 5;
    private const double RequiredShare = 0.9;

    // The longest text allowed, all but its last character matching the large payloads: the costliest search.
    private static readonly string HostileText = new string('a', EventSelection.MaxTextLength - 1) + "b";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly MockClusterFixture _kafka;
    private readonly ITestOutputHelper _output;
    private readonly ClusterAppFactory _app;
    private readonly TestProducer _producer;

    public HostileSubscriberTests(MockClusterFixture kafka, ITestOutputHelper output)
    {
        _kafka = kafka;
        _output = output;
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
    public async Task Indexing_TenSubscribersWithTheCostliestTextFilter_KeepsNinetyPercentOfTheRateWithoutThem()
    {
        await using (var client = await HubClients.ConnectAsync(_app))
        {
            // The attack as reported is refused outright; the test goes on with the costliest text still allowed.
            var error = await Assert.ThrowsAsync<HubException>(() =>
                client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Text = new string('a', 15_000) + "b" }));
            Assert.Contains($"at most {EventSelection.MaxTextLength}", error.Message, StringComparison.Ordinal);
        }

        // Once unmeasured, so that no measured run is a cold one (producer, ingestion, hub, filter code).
        await MeasureAsync(hostile: true, smallMessages: SmallMessages / 10);
        double? without = null;
        double? with = null;
        var withRates = new List<double>();
        var withoutRates = new List<double>();
        var runs = new List<string>();

        // Best of up to five pairs, each in the other order: the machine is shared, and the attack, when it works,
        // slows every run down, not just one.
        for (var attempt = 0; attempt < Attempts && !(with >= RequiredShare * without); attempt++)
        {
            foreach (var hostile in attempt % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var rate = await MeasureAsync(hostile, SmallMessages);
                runs.Add($"{(hostile ? "with" : "without")}: {(rate is { } r ? $"{r:N0}/s" : "not measurable")}");
                if (hostile)
                {
                    with = Max(with, rate);
                    withRates.AddRange(rate is { } w ? [w] : []);
                }
                else
                {
                    without = Max(without, rate);
                    withoutRates.AddRange(rate is { } n ? [n] : []);
                }
            }
        }

        var figures = string.Join("; ", runs);
        _output.WriteLine(figures);
        Assert.True(without is not null && with is not null, $"No measurable run: {figures}");
        // Best against best, or (when one lucky run without them sets the bar) median against median: an attack that
        // works lowers every run with it, so both fall short; the machine's noise moves single runs, not the median.
        Assert.True(
            with >= RequiredShare * without || Median(withRates) >= RequiredShare * Median(withoutRates),
            $"Indexed rate with hostile subscribers fell below {RequiredShare:P0} of the rate without: {figures}");
    }

    /// <summary>The indexed rate of a new backlog; null when indexing started too early in its production to measure.</summary>
    private async Task<double?> MeasureAsync(bool hostile, int smallMessages)
    {
        var topic = _kafka.CreateTopic("backlog", partitions: 8);
        var clients = new List<HubConnection>();
        var subscribersBefore = Feed.SubscriberCount;
        await using var probe = new IndexedRateProbe(Feed, topic, smallMessages + LargeMessages);
        try
        {
            if (hostile)
            {
                for (var i = 0; i < HostileClients; i++)
                {
                    var client = await HubClients.ConnectAsync(_app);
                    clients.Add(client);
                    await client.InvokeAsync(nameof(EventsHub.Subscribe), new FeedFilterDto { Text = HostileText });
                }

                Assert.Equal(HostileClients, Connections.Count);
            }

            // The app finds the new topic at its next metadata refresh, usually after the backlog is complete.
            var rate = await probe.RateAsync(ProduceBacklog(topic, smallMessages), RunTimeout);
            if (hostile)
            {
                // They kept up with their filtering (or were told what they missed): the attack really ran.
                await Eventually.TrueAsync(
                    () => clients.All(c => Connections.Stats(c.ConnectionId!) is { Queued: 0 }),
                    "the hostile subscribers filtered everything", TimeSpan.FromSeconds(30));
            }

            return rate;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            // A client that leaves takes its subscription out of the feed at once: no filtering goes on for it.
            await Eventually.TrueAsync(
                () => Connections.Count == 0 && Feed.SubscriberCount == subscribersBefore + 1,
                "the hostile subscriptions left the feed", TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Produces the backlog, the large text messages spread through it; returns (a Stopwatch timestamp) when all were delivered.</summary>
    private long ProduceBacklog(string topic, int smallMessages)
    {
        var large = Encoding.UTF8.GetBytes(new string('a', LargeMessageBytes));
        var chunk = smallMessages / LargeMessages;
        for (var i = 0; i < LargeMessages; i++)
        {
            _producer.Enqueue(topic, chunk, start: i * chunk);
            _producer.Send(topic, Encoding.UTF8.GetBytes($"large-{i}"), large);
        }

        _producer.Flush();
        return Stopwatch.GetTimestamp();
    }

    private static double? Max(double? best, double? rate) => rate is null ? best : best is null ? rate : Math.Max(best.Value, rate.Value);

    private static double Median(List<double> rates)
    {
        var sorted = rates.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
