using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using EventObserver.Core.Conversations;
using EventObserver.Monitoring.Webhooks;

using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Tests.Monitoring.Webhooks;

/// <summary>Alerts reaching a real receiver on loopback: signature, body shapes, batching and the rate limit.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "s3cret-for-tests";
    private readonly FakeTimeProvider _clock = new(WebhookHarness.Start);
    private LoopbackReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync(_clock);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Receiver_StuckThenResolved_GetsEachOnceWithAValidSignature()
    {
        await using var harness = await WebhookHarness.StartAsync(_clock, o => o.Webhooks = [new WebhookOptions { Url = _receiver.Url, Secret = Secret }]);
        var stuck = Alerts.Stuck("order-1", _clock.GetUtcNow());

        harness.AlertSink.Publish([stuck]);
        await harness.PumpUntilAsync(() => _receiver.Requests.Count == 1, "the breach");
        harness.AlertSink.Publish([Alerts.Resolved(stuck, _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => _receiver.Requests.Count == 2, "the resolution");
        await harness.PumpHoldsAsync(() => _receiver.Requests.Count == 2, "no more requests", TimeSpan.FromMinutes(2));

        var requests = _receiver.Requests;
        Assert.All(requests, AssertSigned);
        var breach = Assert.Single(requests[0].Json.GetProperty("alerts").EnumerateArray());
        var resolution = Assert.Single(requests[1].Json.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("stuck", "stuck", "order-1"), (Text(breach, "kind"), Text(breach, "status"), Text(breach, "conversation")));
        Assert.Equal(("resolved", "completed", "order-1"), (Text(resolution, "kind"), Text(resolution, "status"), Text(resolution, "conversation")));
        Assert.NotEqual(Text(breach, "id"), Text(resolution, "id"));
        Assert.Equal("PlaceOrder", Text(breach, "process"));
        Assert.Equal(120, breach.GetProperty("ageSeconds").GetInt64());
        Assert.Equal(stuck.Conversation.DueAt, breach.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(stuck.Conversation.StartedAt, breach.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal("ShipOrder never answered by shipping-service", Text(breach, "whereStopped"));
        var last = breach.GetProperty("last");
        Assert.Equal(("ShipOrder", "order-service", "shipping-commands", "shipping-commands/1/42"),
            (Text(last, "type"), Text(last, "source"), Text(last, "topic"), Text(last, "eventId")));
        var links = breach.GetProperty("links");
        Assert.Equal(("/lineage?correlation=order-1", "/replay?correlation=order-1", "/conversations?process=PlaceOrder"),
            (Text(links, "lineage"), Text(links, "replay"), Text(links, "page")));
    }

    [Fact]
    public async Task Receiver_AlertRaisedTwice_GetsTheSameIdSoItCanDropTheDuplicate()
    {
        await using var harness = await WebhookHarness.StartAsync(_clock, o => o.Webhooks = [new WebhookOptions { Url = _receiver.Url }]);
        var stuck = Alerts.Stuck("order-1", _clock.GetUtcNow());

        harness.AlertSink.Publish([stuck, Alerts.Stuck("order-2", _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => _receiver.Requests.Count == 1, "the first request");
        harness.AlertSink.Publish([stuck with { At = _clock.GetUtcNow() }]);
        await harness.PumpUntilAsync(() => _receiver.Requests.Count == 2, "the second request");

        var first = _receiver.Requests[0].Json.GetProperty("alerts").EnumerateArray().Select(a => Text(a, "id")).ToList();
        var again = Text(_receiver.Requests[1].Json.GetProperty("alerts")[0], "id");
        Assert.Equal(first[0], again);
        Assert.NotEqual(first[0], first[1]);
    }

    [Fact]
    public async Task Receiver_SlackFormat_GetsTextAndMrkdwnBlocksWithAbsoluteLinks()
    {
        await using var harness = await WebhookHarness.StartAsync(_clock, o =>
        {
            o.PublicUrl = "https://observer.example.com/ops/";
            o.Webhooks = [new WebhookOptions { Url = _receiver.Url, Format = WebhookFormat.Slack }];
        });
        var stuck = Alerts.Stuck("order-1", _clock.GetUtcNow());

        harness.AlertSink.Publish([stuck, Alerts.Stuck("order-2", _clock.GetUtcNow()), Alerts.Resolved(Alerts.Stuck("order-0", _clock.GetUtcNow()), _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => _receiver.Requests.Count == 1, "the Slack message");

        var request = _receiver.Requests[0];
        var body = request.Json;
        Assert.Null(request.Header(WebhookSignature.SignatureHeader));
        Assert.Equal("EventObserver: 2 conversations stuck, 1 resolved", Text(body, "text"));
        var blocks = body.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(3, blocks.Count);
        Assert.All(blocks, b => Assert.Equal(("section", "mrkdwn"), (Text(b, "type"), Text(b.GetProperty("text"), "type"))));
        var first = Text(blocks[0].GetProperty("text"), "text");
        Assert.Contains("*Stuck* PlaceOrder `order-1`", first, StringComparison.Ordinal);
        Assert.Contains("ShipOrder never answered by shipping-service", first, StringComparison.Ordinal);
        Assert.Contains("<https://observer.example.com/ops/lineage?correlation=order-1|Lineage>", first, StringComparison.Ordinal);
        Assert.Contains("<https://observer.example.com/ops/replay?correlation=order-1|Replay>", first, StringComparison.Ordinal);
        Assert.Contains("*Resolved* PlaceOrder `order-0` completed late", Text(blocks[2].GetProperty("text"), "text"), StringComparison.Ordinal);
        Assert.Equal(["text", "blocks"], body.EnumerateObject().Select(p => p.Name).ToList());
    }

    [Fact]
    public async Task Receiver_ThreeAlertsWithinTheWindow_GetsOneRequestCarryingAll()
    {
        await using var harness = await WebhookHarness.StartAsync(_clock, o =>
        {
            o.WebhookBatchWindow = TimeSpan.FromSeconds(5);
            o.Webhooks = [new WebhookOptions { Url = _receiver.Url }];
        });
        harness.Step = TimeSpan.FromSeconds(1);

        harness.AlertSink.Publish([Alerts.Stuck("order-1", _clock.GetUtcNow())]);
        _clock.Advance(TimeSpan.FromSeconds(2));
        harness.AlertSink.Publish([Alerts.Stuck("order-2", _clock.GetUtcNow())]);
        _clock.Advance(TimeSpan.FromSeconds(2));
        harness.AlertSink.Publish([Alerts.Stuck("order-3", _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => _receiver.Requests.Count >= 1, "a request");
        await harness.PumpHoldsAsync(() => _receiver.Requests.Count == 1, "only one request", TimeSpan.FromSeconds(30));

        Assert.Equal(["order-1", "order-2", "order-3"], _receiver.Requests[0].Conversations);
    }

    [Fact]
    public async Task Receiver_MoreRequestsThanTheRateAllows_GetsTheRestAMinuteLaterAndLosesNone()
    {
        await using var harness = await WebhookHarness.StartAsync(_clock, o =>
        {
            o.WebhookMaxRequestsPerMinute = 2;
            o.Webhooks = [new WebhookOptions { Url = _receiver.Url }];
        });
        harness.Step = TimeSpan.FromSeconds(1);

        harness.AlertSink.Publish([Alerts.Stuck("order-1", _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => _receiver.Requests.Count == 1, "the first request");
        harness.AlertSink.Publish([Alerts.Stuck("order-2", _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => _receiver.Requests.Count == 2, "the second request");
        harness.AlertSink.Publish([Alerts.Stuck("order-3", _clock.GetUtcNow())]);
        harness.AlertSink.Publish([Alerts.Stuck("order-4", _clock.GetUtcNow())]);
        await harness.PumpUntilAsync(() => _receiver.Requests.Count == 3, "the third request");

        var requests = _receiver.Requests;
        Assert.Equal(["order-1", "order-2", "order-3", "order-4"], requests.SelectMany(r => r.Conversations).Order().ToList());
        Assert.True(requests[2].At - requests[0].At >= TimeSpan.FromSeconds(55), $"third request {requests[2].At - requests[0].At} after the first");
        Assert.True(requests[1].At - requests[0].At < TimeSpan.FromSeconds(30), $"second request {requests[1].At - requests[0].At} after the first");
        Assert.Equal(4, harness.Sink.Delivered);
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    /// <summary>The receiver's check, as README describes it: HMAC-SHA256 over "{timestamp}.{body}".</summary>
    private static void AssertSigned(ReceivedRequest request)
    {
        var timestamp = request.Header(WebhookSignature.TimestampHeader);
        Assert.NotNull(timestamp);
        var start = WebhookHarness.Start.ToUnixTimeSeconds();
        Assert.InRange(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), start, start + 600);
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(request.Body).ToArray();
        var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed)).ToLowerInvariant();
        Assert.Equal(expected, request.Header(WebhookSignature.SignatureHeader));
    }
}
