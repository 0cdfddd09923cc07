using EventObserver.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Flows;
using EventObserver.Core.Selection;
using EventObserver.Features.Flows;
using EventObserver.Shared;
using EventObserver.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Flows;

/// <summary>The flow map queries over a real index: the cap moves the start of the window forward and keeps the newest messages.</summary>
public sealed class FlowQueriesTests : IDisposable
{
    private readonly SeededAppFactory _factory = new();

    [Fact]
    public async Task Read_MoreMessagesInTheWindowThanTheCap_ReadsTheMostRecentAndSaysCapped()
    {
        var now = DateTimeOffset.UtcNow;
        var traffic = new FlowTraffic(now);
        for (var i = 0; i < 600; i++)
        {
            // Older half "Old*" types, newer half "New*", across 3 partitions so the read merges them.
            var prefix = i < 300 ? "Old" : "New";
            var ago = TimeSpan.FromSeconds(600 - i);
            var kind = i % 2 == 0 ? MessageKind.Command : MessageKind.Event;
            traffic.Add("cap.traffic", $"m-{i}", prefix + (i % 2 == 0 ? "Command" : "Happened"), kind, "svc", ago, $"c-{i / 2}", i % 2 == 1 ? $"m-{i - 1}" : null, partition: i % 3);
        }

        _factory.Seed(traffic.All);
        var flows = new FlowQueries(
            _factory.Services.GetRequiredService<IndexReads>(), TimeProvider.System, new SavedProjectionTypes(), maxEvents: 100);

        var map = (await flows.ReadAsync(TimeWindow.OneHour, UserAccess.System, CancellationToken.None)).Value!;

        Assert.True(map.Capped);
        // The newest part of the window that fits the cap: at most 100, and close to it.
        Assert.InRange(map.EventsRead, 90, 100);
        Assert.Equal(["NewCommand", "NewHappened"], map.Nodes.Select(n => n.Label).Order(StringComparer.Ordinal));
        Assert.True(map.OldestRead >= now.AddSeconds(-101), $"oldest read {map.OldestRead} is not among the newest 100");
        var edge = Assert.Single(map.Edges);
        Assert.InRange(edge.Count, 44, 50);
    }

    [Fact]
    public async Task Read_NoIndexYet_IsAnEmptyMapOverTheWindow()
    {
        var flows = new FlowQueries(
            _factory.Services.GetRequiredService<IndexReads>(), TimeProvider.System, new SavedProjectionTypes(), maxEvents: 100);

        var map = (await flows.ReadAsync(FlowQueries.DefaultWindow, UserAccess.System, CancellationToken.None)).Value!;

        Assert.Empty(map.Nodes);
        Assert.False(map.Capped);
        Assert.Equal(TimeSpan.FromMinutes(15), map.To - map.From);
    }

    public void Dispose() => _factory.Dispose();
}
