using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Core.Selection;
using EventObserver.Features.Feed;
using EventObserver.Features.Replay;
using EventObserver.Features.Replay.Runs;
using EventObserver.Storage.Index;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Api;

/// <summary>One query string, three places: the feed page's URL, <c>/api/events</c> and the replay page's selection.</summary>
public sealed class SelectionInterchangeTests(SeededIndexFixture fixture) : IClassFixture<SeededIndexFixture>
{
    public static TheoryData<string> Queries =>
    [
        $"topic={SeededIndexFixture.OrdersTopic}&kind=Event",
        $"topic={SeededIndexFixture.OrdersTopic},{SeededIndexFixture.PaymentsTopic}&from=2025-03-01T12:00:01Z&to=2025-03-01T12:00:03Z",
        $"correlationId={SeededIndexFixture.Correlation}&type=PaymentCharged",
        "causationId=shop.orders-v1-0-1",
        "messageId=shop.payments-0-4",
        "key=o-1&q=12.5",
        $"source=TEST-SERVICE&header=correlation-id:{SeededIndexFixture.Correlation}",
        $"range={SeededIndexFixture.OrdersTopic}/0/1-&topic={SeededIndexFixture.OrdersTopic}",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task SameQuery_FeedApiAndReplay_SelectTheSameEvents(string query)
    {
        var index = fixture.Factory.Services.GetRequiredService<EventIndexProvider>().Current!;
        var feed = FeedHistory.LoadOlder(index, EventSelectionQuery.Parse("?" + query), null, _ => false).Events.Select(e => e.Id);
        var api = (await fixture.Client.GetFromJsonAsync<JsonElement[]>($"/api/events?{query}"))!
            .Select(e => $"{e.GetProperty("topic").GetString()}/{e.GetProperty("partition").GetInt32()}/{e.GetProperty("offset").GetInt64()}");
        var replay = ResolvedSelection.Resolve(index, SelectionForm.FromUri($"http://localhost/replay?{query}").ToSelection()).Read().Select(e => e.Id);

        var expected = feed.Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, api.Order(StringComparer.Ordinal));
        Assert.Equal(expected, replay.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReplayCount_QueryStringNamesInJson_CountsWhatTheApiLists()
    {
        var body = new { topics = new[] { SeededIndexFixture.OrdersTopic, SeededIndexFixture.PaymentsTopic }, key = "o-1", source = "test-service", q = "o-1" };

        var summary = await (await fixture.Client.PostAsJsonAsync("/api/replays/count", body)).Content.ReadFromJsonAsync<JsonElement>();
        var listed = await fixture.Client.GetFromJsonAsync<JsonElement[]>(
            $"/api/events?topic={SeededIndexFixture.OrdersTopic}&topic={SeededIndexFixture.PaymentsTopic}&key=o-1&source=test-service&q=o-1");

        Assert.Equal(4, listed!.Length);
        Assert.Equal(listed.Length, summary.GetProperty("total").GetInt64());
    }
}
