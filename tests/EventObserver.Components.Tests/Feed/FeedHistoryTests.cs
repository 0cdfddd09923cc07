using EventObserver.Access;
using EventObserver.Features.Feed;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Components.Tests.Feed;

public sealed class FeedHistoryTests : DashboardTestContext
{
    [Fact]
    public void History_IndexedParts_MapToTheEventQuery()
    {
        var filter = new EventSelection { Kind = MessageKind.Command, Type = "PlaceOrder", Key = "k", CorrelationId = "c", Source = "s", Text = "x" };

        var query = FeedHistory.ToQuery(filter, "orders", TestEnvelopes.Epoch, 5000);

        Assert.Equal(("orders", MessageKind.Command, "PlaceOrder", "k", "c"), (Assert.Single(query.Topics), query.Kind, query.Type, query.Key, query.CorrelationId));
        Assert.Equal(TestEnvelopes.Epoch, query.To);
        Assert.Equal(1000, query.Limit);
        Assert.False(query.NeedsScan);
        Assert.True(FeedHistory.NeedsScan(filter));
        Assert.False(FeedHistory.NeedsScan(filter with { Source = null, Text = null }));
    }

    [Fact]
    public void History_PagesBackWithoutRepeatsUntilExhausted()
    {
        Indexes.OpenForCluster("c1").Write([.. Enumerable.Range(0, 25).Select(i => TestEnvelopes.Json("orders", i))]);
        var index = Indexes.Current!;
        var seen = new List<string>();

        while (true)
        {
            var to = seen.Count == 0 ? (DateTimeOffset?)null : TestEnvelopes.Epoch.AddMilliseconds(25 - seen.Count);
            var page = FeedHistory.LoadOlder(index, EventSelection.All, to, seen.Contains, want: 10);
            seen.AddRange(page.Events.Select(e => e.Id));
            if (page.Events.Count == 0 || page.Exhausted)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 25).Reverse().Select(i => $"orders/0/{i}"), seen);
    }

    [Fact]
    public void History_SeveralTopics_AreMergedNewestFirst()
    {
        Indexes.OpenForCluster("c1").Write(
        [
            TestEnvelopes.Json("a", 0), TestEnvelopes.Json("b", 1), TestEnvelopes.Json("c", 2), TestEnvelopes.Json("a", 3),
        ]);

        var page = FeedHistory.LoadOlder(Indexes.Current!, new EventSelection { Topics = ["a", "b"] }, null, _ => false);

        Assert.Equal(["a/0/3", "b/0/1", "a/0/0"], page.Events.Select(e => e.Id));
        Assert.True(page.Exhausted);
    }

    [Fact]
    public void History_HeaderFilter_ScansUpToTheLimitAndSaysSo()
    {
        Indexes.OpenForCluster("c1").Write(
            [.. Enumerable.Range(0, 2_500).Select(i => TestEnvelopes.Json("orders", i, headers: ("x-tenant", i == 5 ? "acme" : "other")))]);

        var page = FeedHistory.LoadOlder(Indexes.Current!, new EventSelection { HeaderName = "x-tenant", HeaderValue = "acme" }, null, _ => false, scanLimit: 1_000);

        Assert.Empty(page.Events);
        Assert.True(page.ScanLimitReached);
        Assert.Equal(1_000, page.Scanned);

        var all = FeedHistory.LoadOlder(Indexes.Current!, new EventSelection { HeaderName = "x-tenant", HeaderValue = "acme" }, null, _ => false);
        Assert.Equal(["orders/0/5"], all.Events.Select(e => e.Id));
        Assert.True(all.Exhausted);
    }

    [Fact]
    public async Task History_NoIndexYet_IsEmptyAndExhausted()
    {
        var queries = Context.Services.GetRequiredService<FeedQueries>();

        var page = (await queries.LoadOlderAsync(EventSelection.All, null, new HashSet<string>(), UserAccess.System, CancellationToken.None)).Value!;

        Assert.Empty(page.Events);
        Assert.True(page.Exhausted);
    }
}
