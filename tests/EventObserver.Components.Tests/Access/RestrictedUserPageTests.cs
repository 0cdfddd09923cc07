using Bunit;

using EventObserver.Access;
using EventObserver.Access.Options;
using EventObserver.Access.Topics;
using EventObserver.Components.Layout;
using EventObserver.Components.Tests.Feed;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;
using EventObserver.Features.Events;
using EventObserver.Kafka.Ingestion;

using Microsoft.Extensions.DependencyInjection;

using MudBlazor;

using LiveFeed = EventObserver.Features.Feed.LiveFeed;

namespace EventObserver.Components.Tests.Access;

/// <summary>
/// The feed page and the event detail for a user who may read the shop topics only: nothing of the denied topic is
/// rendered, and the masked topic shows masked values unless the user sees raw values.
/// </summary>
public sealed class RestrictedUserPageTests : DashboardTestContext
{
    private const string Orders = "shop.orders";
    private const string Denied = "hr.salaries";
    private const string DeniedType = "SalaryRaisedSECRET";
    private const string DeniedKey = "emp-SECRET-KEY";
    private const string DeniedCorrelation = "SECRET-CORRELATION";
    private const string DeniedPayload = "SECRET-PAYLOAD-MARKER";

    private static readonly string[] DeniedMarkers = [Denied, DeniedType, DeniedKey, DeniedCorrelation, DeniedPayload, "SECRET-MESSAGE-ID"];

    public RestrictedUserPageTests() => Context.Services.AddSingleton<IEventMasker>(new CardMasker());

    [Fact]
    public void LiveFeed_RestrictedUser_RendersReadableEventsOnly()
    {
        CurrentUser.Access = ShopUser(unmask: false);
        Indexes.OpenForCluster("c1").Write([DeniedEvent(0), TestEnvelopes.Json(Orders, 0, key: "o-1"), DeniedEvent(1)]);
        var page = Render();

        Feed.Publish([DeniedEvent(2), TestEnvelopes.Json(Orders, 1, key: "o-2"), DeniedEvent(3), Payment(2)]);

        page.WaitForAssertion(() => Assert.Equal(["shop.payments/0/2", "shop.orders/0/1", "shop.orders/0/0"], RowIds(page)));
        AssertNoDeniedData(page.Markup);
    }

    [Fact]
    public void LiveFeed_AdminUser_RendersTheDeniedTopicToo()
    {
        CurrentUser.Access = new UserAccess("ada", isAuthenticated: true, [AccessRoles.Admin], Core.Access.AllTopics.Instance, seesRawValues: true);
        var page = Render();

        Feed.Publish([DeniedEvent(2), TestEnvelopes.Json(Orders, 1)]);

        page.WaitForAssertion(() => Assert.Equal(2, RowIds(page).Length));
        Assert.Contains(DeniedType, page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, CardMasker.Masked, CardMasker.Raw)]
    [InlineData(true, CardMasker.Raw, CardMasker.Masked)]
    public void LiveFeed_MaskedTopic_PreviewIsMaskedUnlessTheUserSeesRawValues(bool unmask, string shown, string hidden)
    {
        CurrentUser.Access = ShopUser(unmask);
        Indexes.OpenForCluster("c1").Write([Payment(0)]);
        var page = Render();

        Feed.Publish([Payment(1)]);

        page.WaitForAssertion(() => Assert.Equal(2, RowIds(page).Length));
        var previews = string.Join('\n', page.FindAll(".eo-preview").Select(p => p.TextContent));
        Assert.Equal(2, CountOf(previews, shown));
        Assert.DoesNotContain(hidden, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void EventDetail_DeniedEvent_SaysNotFoundOrNotPermitted()
    {
        CurrentUser.Access = ShopUser(unmask: false);
        Indexes.OpenForCluster("c1").Write([DeniedEvent(5)]);

        var page = RenderDetail(Denied, 0, 5);

        Assert.Contains("not found or not permitted", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=event-missing]"));
        Assert.DoesNotContain(DeniedType, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(DeniedPayload, page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, CardMasker.Masked, CardMasker.Raw)]
    [InlineData(true, CardMasker.Raw, CardMasker.Masked)]
    public void EventDetail_MaskedTopic_ShowsMaskedValuesUnlessTheUserSeesRawValues(bool unmask, string shown, string hidden)
    {
        CurrentUser.Access = ShopUser(unmask);
        Indexes.OpenForCluster("c1").Write([Payment(3)]);

        var page = RenderDetail(CardMasker.Topic, 0, 3);

        Assert.Contains(shown, page.Find("[data-testid=json-tree]").TextContent, StringComparison.Ordinal);
        Assert.Contains(shown, string.Join('\n', page.FindAll("[data-testid=header-row]").Select(r => r.TextContent)), StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StatusBar_BrokerErrorNamingATopic_IsShownOnlyToAUserWhoReadsEveryTopic(bool restricted)
    {
        CurrentUser.Access = restricted ? ShopUser(unmask: false) : TestCurrentUser.Anonymous;
        Ingestion.BrokerState = BrokerState.Unreachable;
        Ingestion.LastError = $"Subscribed topic not available: {Denied}";

        var layout = Context.Render<MainLayout>();

        Assert.Contains("unreachable", layout.Find("[data-testid=broker-state]").TextContent, StringComparison.Ordinal);
        Assert.Equal(!restricted, layout.Markup.Contains(Denied, StringComparison.Ordinal));
    }

    private static UserAccess ShopUser(bool unmask)
    {
        var rules = new TopicAccessRules([new TopicAccessRule { Group = "shop", Allow = [@"shop\..*"] }]);
        var topics = rules.For(new HashSet<string>([AccessRoles.Viewer], StringComparer.Ordinal), new HashSet<string>(["shop"], StringComparer.Ordinal));
        return new UserAccess("vera", isAuthenticated: true, unmask ? [AccessRoles.Viewer, AccessRoles.Unmask] : [AccessRoles.Viewer], topics, unmask);
    }

    private static EventEnvelope Payment(long offset) => TestEnvelopes.Json(
        CardMasker.Topic, offset, $$"""{"card":"{{CardMasker.Raw}}"}""", type: "PaymentCharged", headers: ("x-card", CardMasker.Raw));

    private static EventEnvelope DeniedEvent(long offset)
    {
        var e = TestEnvelopes.Json(Denied, offset, $$"""{"note":"{{DeniedPayload}}"}""", type: DeniedType, key: DeniedKey, correlationId: DeniedCorrelation);
        return new EventEnvelope
        {
            Topic = e.Topic,
            Partition = e.Partition,
            Offset = e.Offset,
            TimestampMs = e.TimestampMs,
            Key = e.Key,
            KeyBytes = e.KeyBytes,
            KeyFormat = e.KeyFormat,
            Payload = e.Payload,
            PayloadFormat = e.PayloadFormat,
            MessageId = $"SECRET-MESSAGE-ID-{offset}",
            MessageType = e.MessageType,
            Kind = e.Kind,
            CorrelationId = e.CorrelationId,
        };
    }

    private static void AssertNoDeniedData(string markup)
    {
        foreach (var marker in DeniedMarkers)
        {
            Assert.False(markup.Contains(marker, StringComparison.Ordinal), $"the page shows '{marker}'");
        }
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    private static string[] RowIds(IRenderedComponent<LiveFeed> page) =>
        [.. page.FindAll("[data-testid=feed-row]").Select(r => r.GetAttribute("data-id") ?? "")];

    private IRenderedComponent<LiveFeed> Render()
    {
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<LiveFeed>();
        page.WaitForState(() => !page.Instance.LoadingHistory);
        return page;
    }

    private IRenderedComponent<EventDetail> RenderDetail(string topic, int partition, long offset)
    {
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<EventDetail>(p => p.Add(x => x.Topic, topic).Add(x => x.Partition, partition).Add(x => x.Offset, offset));
        page.WaitForState(() => !page.Instance.Loading);
        return page;
    }
}
